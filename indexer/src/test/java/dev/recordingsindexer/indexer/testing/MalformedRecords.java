package dev.recordingsindexer.indexer.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.recordingsindexer.indexer.testing.ChaosEventGenerator.Delivery;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Records the contract sends to the dead-letter topic, one of each kind in turn: not JSON, not an
 * object, a missing required field, a bad SID pattern, a bad enum, an unparseable date and a
 * malformed optional field. Each is otherwise a plausible event, so only the named rule rejects it.
 */
final class MalformedRecords {

  private static final String[] REQUIRED = {
    "event_type", "timestamp", "account_sid", "recording_sid"
  };

  private final Random random;
  private final ChaosEventGenerator generator;

  MalformedRecords(Random random, ChaosEventGenerator generator) {
    this.random = random;
    this.generator = generator;
  }

  /** {@code count} malformed records, cycling through the kinds; their owner is -1. */
  List<Delivery> some(int count) {
    List<Delivery> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String value = malformed(i % 7);
      String key = random.nextBoolean() ? generator.sid("RT") : null;
      records.add(new Delivery(-1, new RawRecord(key, value)));
    }
    return records;
  }

  private String malformed(int kind) {
    ObjectNode event = plausible();
    switch (kind) {
      case 0 -> {
        return random.nextBoolean() ? "not json" : event.toString().substring(0, 20);
      }
      case 1 -> {
        return random.nextBoolean() ? "[1,2]" : "\"recording-started\"";
      }
      case 2 -> {
        String field = REQUIRED[random.nextInt(REQUIRED.length)];
        if (random.nextBoolean()) {
          event.remove(field);
        } else {
          event.putNull(field);
        }
      }
      case 3 -> event.put(random.nextBoolean() ? "recording_sid" : "account_sid", "RT123");
      case 4 -> {
        switch (random.nextInt(4)) {
          case 0 -> event.put("event_type", "recording-exploded");
          case 1 -> event.put("type", "hologram");
          case 2 -> event.put("codec", "AV1");
          default -> event.put("container_format", "MKV");
        }
      }
      case 5 -> event.put(random.nextBoolean() ? "timestamp" : "date_created", "yesterday");
      default -> {
        switch (random.nextInt(3)) {
          case 0 -> event.put("size", -1);
          case 1 -> event.put("sequence_number", "first");
          default -> event.put("source_sid", "MT-not-a-sid");
        }
      }
    }
    return event.toString();
  }

  private ObjectNode plausible() {
    ObjectNode event = ChaosEventGenerator.object();
    event.put("event_type", "recording-started");
    event.put("timestamp", ChaosEventGenerator.EPOCH.plusSeconds(random.nextInt(100)).toString());
    event.put("account_sid", generator.anyAccount().sid());
    event.put("recording_sid", generator.sid("RT"));
    event.put("type", "audio");
    return event;
  }
}
