package dev.recordingsindexer.benchmarks;

import dev.recordingsindexer.indexer.event.EventParser;
import dev.recordingsindexer.indexer.event.ParseResult;
import dev.recordingsindexer.indexer.event.RecordingEvent;
import dev.recordingsindexer.indexer.fold.FoldResult;
import dev.recordingsindexer.indexer.fold.RecordingFold;
import dev.recordingsindexer.indexer.fold.RecordingState;
import dev.recordingsindexer.indexer.model.Recording;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Realistic benchmark inputs: the events of one video track recording as a producer writes them
 * (all optional fields set, both grouping SIDs), and the states and recordings they fold into.
 */
public final class SampleEvents {

  public static final String ACCOUNT = "AC0a1b2c3d4e5f60718293a4b5c6d7e8f9";

  private static final EventParser PARSER = new EventParser();

  private SampleEvents() {}

  /** The SID of the n-th sample recording. */
  public static String recordingSid(int n) {
    return String.format("RT%032x", 0x5eed_0000_0000L + n);
  }

  /** A {@code recording-started} event, as Twilio's recording pipeline would report it. */
  public static byte[] started(int n) {
    return utf8(
        "{\"event_type\":\"recording-started\","
            + "\"timestamp\":\""
            + time(n, 0)
            + "\","
            + "\"sequence_number\":1,"
            + common(n)
            + "}");
  }

  /** The {@code recording-completed} event of the same recording (~600 bytes). */
  public static byte[] completed(int n) {
    return utf8(
        "{\"event_type\":\"recording-completed\","
            + "\"timestamp\":\""
            + time(n, 754)
            + "\","
            + "\"sequence_number\":2,"
            + common(n)
            + ",\"size\":"
            + (4_718_592 + 1_013L * n)
            + ",\"duration\":"
            + (720 + n % 300)
            + ",\"offset\":"
            + (10_550_000L + n)
            + ",\"media_external_location\":\"https://recordings.example.com/media/"
            + recordingSid(n)
            + ".mkv\""
            + "}");
  }

  /** A completed event that fails validation late in the document (a negative size). */
  public static byte[] invalidCompleted(int n) {
    String text = new String(completed(n), StandardCharsets.UTF_8);
    return utf8(text.replaceFirst("\"size\":\\d+", "\"size\":-1"));
  }

  public static RecordingEvent parse(byte[] value) {
    ParseResult result = PARSER.parse(value);
    if (result instanceof ParseResult.Valid valid) {
      return valid.event();
    }
    throw new IllegalStateException("sample event is invalid: " + result);
  }

  public static RecordingState fold(RecordingState state, RecordingEvent event) {
    FoldResult result = RecordingFold.apply(state, event);
    if (result instanceof FoldResult.Applied applied) {
      return applied.state();
    }
    throw new IllegalStateException("sample event rejected: " + result);
  }

  /** The state after the started event only. */
  public static RecordingState startedState(int n) {
    return fold(null, parse(started(n)));
  }

  /** The state after the started and completed events. */
  public static RecordingState completedState(int n) {
    return fold(startedState(n), parse(completed(n)));
  }

  /** {@code count} completed recordings, newest first as a list page holds them. */
  public static List<Recording> completedRecordings(int count) {
    List<Recording> recordings = new ArrayList<>(count);
    for (int n = count - 1; n >= 0; n--) {
      recordings.add(completedState(n).toRecording());
    }
    return recordings;
  }

  private static String common(int n) {
    return "\"account_sid\":\""
        + ACCOUNT
        + "\","
        + "\"recording_sid\":\""
        + recordingSid(n)
        + "\","
        + String.format("\"source_sid\":\"MT%032x\",", 0x7ac0_0000L + n)
        + "\"grouping_sids\":{"
        + String.format("\"room_sid\":\"RM%032x\",", 0x600_0000L + n / 4)
        + String.format("\"participant_sid\":\"PA%032x\"", 0xa11_0000L + n / 2)
        + "},"
        + "\"track_name\":\"camera-"
        + n
        + "\","
        + "\"type\":\"video\",\"codec\":\"VP8\",\"container_format\":\"mkv\","
        + "\"status_callback\":\"https://app.example.com/twilio/recording-status\","
        + "\"status_callback_method\":\"POST\","
        + "\"encryption_key\":\"PK0f1e2d3c4b5a69788796a5b4c3d2e1f0\"";
  }

  private static String time(int n, int plusSeconds) {
    long second = 1_767_261_600L + 60L * n + plusSeconds; // from 2026-01-01T10:00:00Z
    return Instant.ofEpochSecond(second, 123_000_000L).toString();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
