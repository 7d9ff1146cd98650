package dev.recordingsindexer.indexer.fold;

import dev.recordingsindexer.indexer.event.RecordingEvent;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * Where an event stands in the contract's order of one recording's events: (timestamp at full
 * precision, sequence number with absent = -1, rank). The later stamp wins a field.
 *
 * @param sequence the producer's sequence number, or {@link RecordingEvent#NO_SEQUENCE}
 * @param rank the event type's rank: started 0, completed and failed 1, deleted 2
 */
record Stamp(Instant timestamp, long sequence, int rank) implements Comparable<Stamp> {

  private static final Comparator<Stamp> ORDER =
      Comparator.comparing(Stamp::timestamp)
          .thenComparingLong(Stamp::sequence)
          .thenComparingInt(Stamp::rank);

  Stamp {
    Objects.requireNonNull(timestamp, "timestamp");
    if (sequence < RecordingEvent.NO_SEQUENCE) {
      throw new IllegalArgumentException("sequence must be >= -1: " + sequence);
    }
    if (rank < 0 || rank > 2) {
      throw new IllegalArgumentException("rank must be 0, 1 or 2: " + rank);
    }
  }

  static Stamp of(RecordingEvent event) {
    return new Stamp(event.timestamp(), event.sequenceNumber(), event.type().rank());
  }

  @Override
  public int compareTo(Stamp other) {
    return ORDER.compare(this, other);
  }
}
