package dev.recordingsindexer.api.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * A realistic day of recordings for one account: {@value #ROOMS} rooms, {@value #PARTICIPANTS}
 * participants each, an audio and a video track per participant, most completed, some still
 * processing, a few failed or deleted. Deterministic for an account and a base time: SIDs derive
 * from the account alone, so writing the demo again (a restart) updates the same recordings.
 */
public final class DemoEvents {

  static final int ROOMS = 10;
  static final int PARTICIPANTS = 10;

  private static final ObjectMapper JSON = new ObjectMapper();

  private DemoEvents() {}

  /** {@code ROOMS * PARTICIPANTS * 2} recordings' events, keyed by recording SID, in time order. */
  public static List<ReplayLine> generate(String accountSid, Instant base) {
    Random random = new Random(accountSid.hashCode());
    List<ReplayLine> events = new ArrayList<>();
    for (int room = 0; room < ROOMS; room++) {
      String roomSid = sid("RM", accountSid, "room", room);
      Instant roomStart = base.plus(room * 47L, ChronoUnit.MINUTES);
      for (int participant = 0; participant < PARTICIPANTS; participant++) {
        String participantSid = sid("PA", accountSid, "participant", room, participant);
        Instant joined = roomStart.plusSeconds(random.nextInt(600));
        for (String kind : List.of("audio", "video")) {
          Track track =
              new Track(
                  accountSid,
                  sid("RT", accountSid, kind, room, participant),
                  sid("MT", accountSid, "track-" + kind, room, participant),
                  roomSid,
                  participantSid,
                  kind);
          track.events(joined, random, events);
        }
      }
    }
    return events;
  }

  /** A SID of the given prefix, derived from its parts (32 lower-case hex digits). */
  static String sid(String prefix, Object... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Object part : parts) {
        digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return prefix + HexFormat.of().formatHex(digest.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** One recorded track and the lifecycle events it goes through. */
  private record Track(
      String accountSid,
      String recordingSid,
      String sourceSid,
      String roomSid,
      String participantSid,
      String kind) {

    void events(Instant joined, Random random, List<ReplayLine> out) {
      boolean audio = kind.equals("audio");
      ObjectNode started = event("recording-started", joined);
      started.put("source_sid", sourceSid);
      started
          .putObject("grouping_sids")
          .put("room_sid", roomSid)
          .put("participant_sid", participantSid);
      started.put("track_name", audio ? "microphone" : "camera");
      started.put("type", kind);
      started.put("codec", audio ? "OPUS" : random.nextBoolean() ? "VP8" : "H264");
      started.put("container_format", audio ? "mka" : "mkv");
      started.put("offset", random.nextInt(5_000));
      add(started, out);

      int fate = random.nextInt(100);
      if (fate < 15) {
        return; // still processing
      }
      int duration = 60 + random.nextInt(3_000);
      Instant ended = joined.plusSeconds(duration);
      if (fate < 23) {
        add(event("recording-failed", ended), out);
        return;
      }
      ObjectNode completed = event("recording-completed", ended);
      completed.put("duration", duration);
      completed.put("size", (long) duration * (audio ? 4_000 : 90_000));
      completed.put(
          "media_external_location",
          "https://media.example.com/"
              + accountSid
              + "/"
              + recordingSid
              + (audio ? ".mka" : ".mkv"));
      add(completed, out);
      if (fate >= 93) {
        add(event("recording-deleted", ended.plus(2, ChronoUnit.HOURS)), out);
      }
    }

    private ObjectNode event(String type, Instant at) {
      ObjectNode event = JSON.createObjectNode();
      event.put("event_type", type);
      event.put("timestamp", at.truncatedTo(ChronoUnit.MILLIS).toString());
      event.put("account_sid", accountSid);
      event.put("recording_sid", recordingSid);
      return event;
    }

    private void add(ObjectNode event, List<ReplayLine> out) {
      out.add(new ReplayLine(recordingSid, event.toString()));
    }
  }
}
