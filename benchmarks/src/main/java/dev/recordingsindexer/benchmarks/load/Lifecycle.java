package dev.recordingsindexer.benchmarks.load;

import dev.recordingsindexer.benchmarks.load.Dataset.Recording;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The events of one recording, in lifecycle order: started, then completed or failed (none while
 * processing), then deleted for deleted ones; about 3% of finished recordings also get a late
 * {@code recording-started} stamped after their end. Every event carries the recording's {@code
 * date_created}, so the folded recording equals {@link Recording} whatever the order. Also picks
 * the record key as producers do: mostly the recording SID, some the room SID, some none.
 */
final class Lifecycle {

  /** One record: key (null for none) and value. */
  record Event(byte[] key, byte[] value) {}

  private final Recording recording;
  private final SplittableRandom random;
  private final String members;

  Lifecycle(Recording recording, SplittableRandom random) {
    this.recording = recording;
    this.random = random;
    this.members = members();
  }

  /** Appends the recording's events to {@code out}. */
  void appendTo(List<Event> out) {
    int keyChoice = random.nextInt(100);
    String keyText = keyChoice < 80 ? recording.sid() : keyChoice < 95 ? recording.roomSid() : null;
    byte[] key = keyText == null ? null : keyText.getBytes(StandardCharsets.UTF_8);
    Instant started = recording.dateCreated().plusMillis(random.nextInt(1000));
    long duration = 30 + random.nextInt(3600);
    Instant ended = started.plusSeconds(duration + 2 + random.nextInt(30));
    String status = recording.finalStatus();
    out.add(new Event(key, common("recording-started", started, 0).bytes()));
    if (status.equals("processing")) {
      return;
    }
    String end = status.equals("failed") ? "recording-failed" : "recording-completed";
    EventJson finished = common(end, ended, 1);
    if (!status.equals("failed")) {
      finished.number("size", duration * (recording.mediaType().equals("video") ? 98_000 : 4_000));
      finished.number("duration", duration);
      finished.text(
          "media_external_location",
          "https://com-twilio-us1-video-recording.s3.amazonaws.com/"
              + recording.accountSid()
              + "/"
              + recording.sid());
    }
    out.add(new Event(key, finished.bytes()));
    if (status.equals("deleted")) {
      Instant deleted = ended.plusSeconds(3600 + random.nextInt(30 * 86_400));
      out.add(new Event(key, common("recording-deleted", deleted, 2).bytes()));
    }
    if (random.nextInt(100) < 3) {
      Instant late = ended.plusSeconds(1 + random.nextInt(60));
      out.add(new Event(key, common("recording-started", late, 3).bytes()));
    }
  }

  private EventJson common(String eventType, Instant timestamp, int sequence) {
    return new EventJson(eventType, timestamp, sequence).raw(members);
  }

  /** The members every event of the recording carries (codec spelling chosen once). */
  private String members() {
    String type = recording.mediaType();
    return EventJson.members()
        .text("account_sid", recording.accountSid())
        .text("recording_sid", recording.sid())
        .text("source_sid", recording.sourceSid())
        .grouping(recording.roomSid(), recording.participantSid())
        .text("track_name", trackName(type))
        .text("type", type)
        .text("codec", codec(type))
        .text(
            "container_format", type.equals("audio") ? "mka" : type.equals("video") ? "mkv" : null)
        .number("offset", 1_000L * (recording.dateCreated().getEpochSecond() % 86_400))
        .text("status_callback", "https://callbacks.example.com/video/recording-status")
        .text("status_callback_method", "POST")
        .text("encryption_key", "CR" + recording.sid().substring(2))
        .text("date_created", recording.dateCreated().toString())
        .membersText();
  }

  private static String trackName(String type) {
    return switch (type) {
      case "audio" -> "microphone";
      case "video" -> "camera";
      default -> "chat";
    };
  }

  private String codec(String type) {
    String codec =
        switch (type) {
          case "audio" -> random.nextInt(20) == 0 ? "PCMU" : "OPUS";
          case "video" -> random.nextInt(10) < 7 ? "VP8" : "H264";
          default -> null;
        };
    return codec != null && random.nextInt(10) == 0 ? codec.toLowerCase(Locale.ROOT) : codec;
  }
}
