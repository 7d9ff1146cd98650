package dev.recordingsindexer.indexer.fold;

import static dev.recordingsindexer.indexer.fold.EventBuilder.event;

import dev.recordingsindexer.indexer.event.EventType;
import dev.recordingsindexer.indexer.event.RecordingEvent;
import dev.recordingsindexer.indexer.model.Codec;
import dev.recordingsindexer.indexer.model.ContainerFormat;
import dev.recordingsindexer.indexer.model.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random event sets of one recording, built to stress the fold: few distinct timestamps
 * (some within one second), small value pools, so equal stamps with different values (exact ties),
 * duplicates, and strings the codec must keep exactly (non-ASCII, a lone surrogate).
 */
final class RandomEvents {

  private static final Instant BASE = Instant.parse("2026-01-01T10:00:00Z");
  private static final String[] TEXTS = {"a", "b", "mic", "caf\u00e9 \ud83c\udfa4", "\ud800", ""};
  private static final String[] GROUPS = {"room_sid", "participant_sid", "composition_sid"};
  private static final long[] NUMBERS = {0, 1, 300, 1L << 40, Long.MAX_VALUE};

  private final Random random;
  private final Instant[] timestamps;

  RandomEvents(long seed) {
    this.random = new Random(seed);
    this.timestamps = new Instant[1 + random.nextInt(5)];
    for (int i = 0; i < timestamps.length; i++) {
      timestamps[i] =
          BASE.plusSeconds(random.nextInt(120)).plusNanos(random.nextInt(3) * 250_000_000L);
    }
  }

  /** One to twelve events of recording {@link EventBuilder#SID}, duplicates included. */
  List<RecordingEvent> eventSet() {
    List<RecordingEvent> events = new ArrayList<>();
    int count = 1 + random.nextInt(10);
    for (int i = 0; i < count; i++) {
      events.add(next());
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      events.add(events.get(random.nextInt(events.size())));
    }
    return events;
  }

  RecordingEvent next() {
    EventType type = EventType.values()[random.nextInt(EventType.values().length)];
    EventBuilder builder = event(type, timestamps[random.nextInt(timestamps.length)]);
    if (random.nextInt(10) < 6) {
      builder.sequence(random.nextInt(3));
    }
    if (chance()) {
      builder.dateCreated(BASE.minusMillis(random.nextInt(5_000)));
    }
    if (chance()) {
      builder.sourceSid(
          random.nextBoolean()
              ? "MTdddddddddddddddddddddddddddddddd"
              : "MTeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee");
    }
    if (chance()) {
      builder.trackName(pick(TEXTS));
    }
    if (chance()) {
      builder.mediaType(MediaType.values()[random.nextInt(MediaType.values().length)]);
    }
    if (chance()) {
      builder.codec(Codec.values()[random.nextInt(Codec.values().length)]);
    }
    if (chance()) {
      builder.containerFormat(ContainerFormat.values()[random.nextInt(2)]);
    }
    if (chance()) {
      builder.size(NUMBERS[random.nextInt(NUMBERS.length)]);
    }
    if (chance()) {
      builder.duration(NUMBERS[random.nextInt(NUMBERS.length)]);
    }
    if (chance()) {
      builder.offset(random.nextBoolean() ? Long.MIN_VALUE : random.nextInt(200) - 100);
    }
    if (chance()) {
      builder.mediaExternalLocation("https://example.com/" + pick(TEXTS));
    }
    if (chance()) {
      builder.statusCallback(
          "https://example.com/cb/" + random.nextInt(2), random.nextBoolean() ? "GET" : "POST");
    }
    if (chance()) {
      builder.encryptionKey(pick(TEXTS));
    }
    for (String group : GROUPS) {
      if (chance()) {
        builder.grouping(
            group,
            (group.substring(0, 2).toUpperCase()) + (random.nextBoolean() ? "a" : "b").repeat(32));
      }
    }
    return builder.build();
  }

  private boolean chance() {
    return random.nextInt(10) < 4;
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }
}
