package dev.recordingsindexer.indexer.store;

import dev.recordingsindexer.indexer.event.EventType;
import dev.recordingsindexer.indexer.event.RecordingEvent;
import dev.recordingsindexer.indexer.fold.FoldResult;
import dev.recordingsindexer.indexer.fold.RecordingFold;
import dev.recordingsindexer.indexer.fold.RecordingState;
import dev.recordingsindexer.indexer.model.MediaType;
import java.time.Instant;
import java.util.Map;

/** Recording states for store tests, made by the real fold from hand-built events. */
final class States {

  static final String ACCOUNT = "AC" + "1".repeat(32);
  static final String OTHER_ACCOUNT = "AC" + "2".repeat(32);
  static final String ROOM = "RM" + "a".repeat(32);
  static final String OTHER_ROOM = "RM" + "b".repeat(32);
  static final String TRACK = "MT" + "d".repeat(32);
  static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  private States() {}

  static String sid(long n) {
    return "RT" + String.format("%032x", n);
  }

  /** One event of {@code sid}; {@code grouping} and {@code source} may be empty / null. */
  static RecordingEvent event(
      EventType type,
      String sid,
      String account,
      Instant timestamp,
      String source,
      Map<String, String> grouping) {
    return new RecordingEvent(
        type,
        timestamp,
        RecordingEvent.NO_SEQUENCE,
        account,
        sid,
        null,
        source,
        grouping,
        null,
        MediaType.AUDIO,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** A started recording of {@link #ACCOUNT} in {@link #ROOM}, from {@link #TRACK}. */
  static RecordingState started(String sid, Instant at) {
    return apply(null, event(EventType.STARTED, sid, ACCOUNT, at, TRACK, Map.of("room_sid", ROOM)));
  }

  static RecordingState apply(RecordingState state, RecordingEvent event) {
    FoldResult result = RecordingFold.apply(state, event);
    if (result instanceof FoldResult.Applied applied) {
      return applied.state();
    }
    throw new IllegalArgumentException("rejected: " + result);
  }
}
