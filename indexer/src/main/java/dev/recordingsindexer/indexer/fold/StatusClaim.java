package dev.recordingsindexer.indexer.fold;

import dev.recordingsindexer.indexer.event.EventType;
import dev.recordingsindexer.indexer.event.RecordingEvent;
import dev.recordingsindexer.indexer.model.RecordingStatus;
import java.util.Comparator;
import java.util.Objects;

/**
 * The event that decides a recording's status: the greatest by (rank, timestamp, sequence number),
 * so a late start never reopens a finished recording and deletion is final.
 *
 * <p>An exact tie between a completion and a failure (same timestamp and sequence number) goes to
 * the event type declared later in {@link EventType}, that is failed over completed, so the status
 * never depends on arrival order.
 */
record StatusClaim(EventType type, Stamp stamp) {

  private static final Comparator<StatusClaim> ORDER =
      Comparator.comparingInt((StatusClaim claim) -> claim.stamp.rank())
          .thenComparing(claim -> claim.stamp.timestamp())
          .thenComparingLong(claim -> claim.stamp.sequence())
          .thenComparing(StatusClaim::type);

  StatusClaim {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(stamp, "stamp");
    if (stamp.rank() != type.rank()) {
      throw new IllegalArgumentException("stamp rank " + stamp.rank() + " is not " + type);
    }
  }

  static StatusClaim of(RecordingEvent event) {
    return new StatusClaim(event.type(), Stamp.of(event));
  }

  RecordingStatus status() {
    return type.status();
  }

  /** The stronger claim; {@code current} itself when the candidate does not beat it. */
  static StatusClaim stronger(StatusClaim current, StatusClaim candidate) {
    return ORDER.compare(candidate, current) > 0 ? candidate : current;
  }
}
