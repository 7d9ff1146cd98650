package dev.recordingsindexer.indexer.fold;

import static dev.recordingsindexer.indexer.fold.Folding.applied;
import static dev.recordingsindexer.indexer.fold.Folding.fold;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recordingsindexer.indexer.event.RecordingEvent;
import dev.recordingsindexer.indexer.model.Recording;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded property checks: the fold depends on the set of events only, never on their order or
 * repetition. Each failure names its seed, so it replays.
 */
class RecordingFoldPropertyTest {

  private static final int EVENT_SETS = 250;
  private static final int PERMUTATIONS = 20;

  @Test
  void shouldFoldEveryPermutationOfAnEventSetIntoTheSameStateAndRecording() {
    for (long seed = 0; seed < EVENT_SETS; seed++) {
      List<RecordingEvent> events = new RandomEvents(seed).eventSet();
      RecordingState reference = fold(events);
      Recording recording = reference.toRecording();
      Random shuffler = new Random(seed);
      for (int permutation = 0; permutation < PERMUTATIONS; permutation++) {
        List<RecordingEvent> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, shuffler);

        RecordingState state = fold(shuffled);

        String context = "seed " + seed + ", permutation " + permutation;
        assertThat(state).as(context).isEqualTo(reference).hasSameHashCodeAs(reference);
        assertThat(state.toRecording()).as(context).isEqualTo(recording);
        assertThat(state.toRecording().groupingSids().keySet())
            .as(context)
            .containsExactlyElementsOf(recording.groupingSids().keySet());
        assertThat(RecordingStateCodec.encode(state))
            .as(context)
            .isEqualTo(RecordingStateCodec.encode(reference));
      }
    }
  }

  @Test
  void shouldLeaveAFoldedStateUntouchedWhenAnyOfItsEventsIsRedelivered() {
    for (long seed = 0; seed < EVENT_SETS; seed++) {
      List<RecordingEvent> events = new RandomEvents(seed).eventSet();
      RecordingState state = fold(events);

      for (RecordingEvent event : events) {
        assertThat(applied(state, event)).as("seed %d, %s", seed, event).isSameAs(state);
      }
    }
  }

  @Test
  void shouldFoldTheUnionOfTwoFoldedHalvesLikeTheWhole() {
    for (long seed = 0; seed < EVENT_SETS; seed++) {
      List<RecordingEvent> events = new RandomEvents(seed).eventSet();
      int cut = new Random(seed).nextInt(events.size() + 1);
      RecordingState whole = fold(events);

      RecordingState state = cut == 0 ? null : fold(events.subList(0, cut));
      for (RecordingEvent event : events.subList(cut, events.size())) {
        state = applied(state, event);
      }
      RecordingState reencoded =
          RecordingStateCodec.decode(
              RecordingStateCodec.encode(fold(events.subList(0, Math.max(1, cut)))));
      for (RecordingEvent event : events.subList(Math.max(1, cut), events.size())) {
        reencoded = applied(reencoded, event);
      }

      assertThat(state).as("seed %d", seed).isEqualTo(whole);
      assertThat(reencoded).as("seed %d, through the codec", seed).isEqualTo(whole);
    }
  }
}
