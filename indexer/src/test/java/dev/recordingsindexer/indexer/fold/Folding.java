package dev.recordingsindexer.indexer.fold;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recordingsindexer.indexer.event.RecordingEvent;
import java.util.List;

/** Test shorthand: folds events one by one, asserting each one applies. */
final class Folding {

  private Folding() {}

  static RecordingState fold(RecordingEvent... events) {
    return fold(List.of(events));
  }

  static RecordingState fold(List<RecordingEvent> events) {
    RecordingState state = null;
    for (RecordingEvent event : events) {
      state = applied(state, event);
    }
    return state;
  }

  static RecordingState applied(RecordingState state, RecordingEvent event) {
    FoldResult result = RecordingFold.apply(state, event);
    assertThat(result).as("fold of %s", event).isInstanceOf(FoldResult.Applied.class);
    return ((FoldResult.Applied) result).state();
  }
}
