package dev.recordingsindexer.indexer.testing;

import dev.recordingsindexer.indexer.model.MediaType;
import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.RecordingStatus;
import java.time.Instant;
import java.util.Map;

/** Hand-made recordings for unit tests: only the fields queries look at, the rest null. */
public final class TestRecordings {

  private TestRecordings() {}

  /** A SID with {@code prefix} and {@code n} as its last hex digits. */
  public static String sid(String prefix, long n) {
    return prefix + String.format("%032x", n);
  }

  /** A processing audio recording with no source or grouping SIDs. */
  public static Recording recording(String sid, String accountSid, Instant dateCreated) {
    return recording(sid, accountSid, dateCreated, RecordingStatus.PROCESSING, null, Map.of());
  }

  public static Recording recording(
      String sid,
      String accountSid,
      Instant dateCreated,
      RecordingStatus status,
      String sourceSid,
      Map<String, String> groupingSids) {
    return new Recording(
        sid,
        accountSid,
        status,
        dateCreated,
        dateCreated,
        null,
        sourceSid,
        null,
        MediaType.AUDIO,
        null,
        null,
        null,
        groupingSids,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** The same recording with another status. */
  public static Recording withStatus(Recording recording, RecordingStatus status) {
    return recording(
        recording.sid(),
        recording.accountSid(),
        recording.dateCreated(),
        status,
        recording.sourceSid(),
        recording.groupingSids());
  }

  /** The same recording created at another time. */
  public static Recording withDateCreated(Recording recording, Instant dateCreated) {
    return recording(
        recording.sid(),
        recording.accountSid(),
        dateCreated,
        recording.status(),
        recording.sourceSid(),
        recording.groupingSids());
  }
}
