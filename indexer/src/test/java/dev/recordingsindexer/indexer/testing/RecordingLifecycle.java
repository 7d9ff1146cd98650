package dev.recordingsindexer.indexer.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.recordingsindexer.indexer.testing.ChaosEventGenerator.Account;
import dev.recordingsindexer.indexer.testing.ChaosEventGenerator.Participant;
import dev.recordingsindexer.indexer.testing.ChaosEventGenerator.Room;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The events of one generated recording: its lifecycle (started, then completed or failed, maybe
 * deleted; sometimes without its start, sometimes with a late one), its fields spread over the
 * events, and the chaos a producer adds. Timestamps only grow along the lifecycle, except for pairs
 * that share one and carry distinct sequence numbers, so no two events tie on (timestamp, sequence
 * number, rank).
 */
final class RecordingLifecycle {

  private final Random random;
  private final ChaosEventGenerator generator;
  private final Account account;
  private final Room room;
  private final Participant participant;
  private final String sid;
  private final String track;
  private final String type;
  private Instant clock;
  private Instant explicitCreated;

  RecordingLifecycle(Random random, ChaosEventGenerator generator, Account account, Instant start) {
    this.random = random;
    this.generator = generator;
    this.account = account;
    this.room = account.rooms().get(random.nextInt(account.rooms().size()));
    this.participant = room.participants().get(random.nextInt(room.participants().size()));
    this.sid = generator.sid("RT");
    this.track = participant.tracks().get(random.nextInt(participant.tracks().size()));
    int media = random.nextInt(10);
    this.type = media < 5 ? "audio" : media < 9 ? "video" : "data";
    this.clock = start;
    this.explicitCreated = start.minusSeconds(1 + random.nextInt(300));
  }

  String sid() {
    return sid;
  }

  Room room() {
    return room;
  }

  /** The recording's own events, in lifecycle order (a mutable list). */
  List<ObjectNode> events() {
    List<ObjectNode> events = new ArrayList<>();
    int outcome = random.nextInt(100);
    if (outcome < 30 || random.nextInt(10) != 0) {
      events.add(started());
    }
    if (outcome < 30) {
      return events;
    }
    tick(1 + random.nextInt(600));
    if (outcome < 45) {
      events.add(event("recording-failed"));
    } else {
      events.addAll(completed());
    }
    if (outcome >= 85) {
      tick(1 + random.nextInt(86_400));
      events.add(event("recording-deleted"));
    }
    if (random.nextInt(100) < 15) {
      tick(1 + random.nextInt(60));
      ObjectNode late = event("recording-started");
      late.put("track_name", "late-" + random.nextInt(5));
      events.add(late);
    }
    return events;
  }

  /** A valid event for this recording carrying another account's SID. */
  ObjectNode conflicting(String otherAccountSid) {
    tick(1);
    ObjectNode event = event("recording-completed");
    event.put("account_sid", otherAccountSid);
    event.put("size", 1);
    return event;
  }

  /** An event delivered after the recording's tombstone. */
  ObjectNode afterPurge() {
    tick(1);
    ObjectNode event = event("recording-completed");
    event.put("duration", 5);
    return event;
  }

  private ObjectNode started() {
    ObjectNode event = event("recording-started");
    event.put("source_sid", track);
    ObjectNode grouping = event.putObject("grouping_sids");
    grouping.put("room_sid", room.sid());
    if (random.nextBoolean()) {
      grouping.put("participant_sid", participant.sid());
    }
    event.put("track_name", random.nextBoolean() ? "mic" : "camera");
    event.put("type", type);
    if (!type.equals("data")) {
      event.put("codec", codec());
      event.put("container_format", type.equals("audio") ? "mka" : "mkv");
    }
    if (random.nextInt(4) == 0) {
      event.put("status_callback", "https://example.com/callbacks/" + sid);
      event.put("status_callback_method", random.nextBoolean() ? "GET" : "POST");
    }
    chaos(event);
    return event;
  }

  private List<ObjectNode> completed() {
    List<ObjectNode> events = new ArrayList<>();
    ObjectNode event = event("recording-completed");
    event.put("size", random.nextInt(1_000_000));
    event.put("duration", random.nextInt(3600));
    event.put("offset", random.nextInt(100_000) - 50_000);
    event.put("media_external_location", "https://media.example.com/" + sid);
    event.putObject("grouping_sids").put("participant_sid", participant.sid());
    event.put("source_sid", track);
    if (random.nextBoolean()) {
      event.put("type", type);
    }
    if (!type.equals("data") && random.nextBoolean()) {
      event.put("codec", codec());
    }
    chaos(event);
    events.add(event);
    if (random.nextInt(5) == 0) {
      event.put("sequence_number", 1);
      ObjectNode correction = event("recording-completed");
      correction.put("timestamp", event.get("timestamp").asText());
      correction.put("sequence_number", 2 + random.nextInt(3));
      correction.put("size", random.nextInt(1_000_000));
      correction.put("encryption_key", "key-" + random.nextInt(100));
      events.add(correction);
    }
    return events;
  }

  private ObjectNode event(String eventType) {
    ObjectNode event = ChaosEventGenerator.object();
    event.put("event_type", eventType);
    event.put("timestamp", generator.rfc3339(clock));
    event.put("account_sid", account.sid());
    event.put("recording_sid", sid);
    if (random.nextInt(4) == 0) {
      event.put("sequence_number", random.nextInt(10));
    }
    if (random.nextInt(5) == 0) {
      explicitCreated = explicitCreated.minusMillis(random.nextInt(120_000));
      event.put("date_created", generator.rfc3339(explicitCreated));
    }
    return event;
  }

  private void chaos(ObjectNode event) {
    if (random.nextInt(6) == 0) {
      event.putNull("encryption_key");
    }
    if (random.nextInt(6) == 0) {
      event.put("colour", "blue");
      event.putObject("future_field").putArray("items").add(1).add("two");
    }
  }

  private String codec() {
    String codec =
        type.equals("audio")
            ? (random.nextBoolean() ? "OPUS" : "PCMU")
            : (random.nextBoolean() ? "VP8" : "H264");
    return switch (random.nextInt(3)) {
      case 0 -> codec.toLowerCase(Locale.ROOT);
      case 1 -> codec.charAt(0) + codec.substring(1).toLowerCase(Locale.ROOT);
      default -> codec;
    };
  }

  private void tick(int seconds) {
    clock = clock.plusSeconds(seconds).plusMillis(1 + random.nextInt(999));
  }
}
