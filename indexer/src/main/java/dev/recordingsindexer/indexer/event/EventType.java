package dev.recordingsindexer.indexer.event;

import dev.recordingsindexer.indexer.model.RecordingStatus;
import java.util.Optional;

/**
 * The four lifecycle events, with the rank the fold orders them by and the status each one sets.
 *
 * <p>Rank: started 0, completed 1, failed 1, deleted 2. Status comes from the event with the
 * greatest (rank, timestamp, sequence number), so a late start never reopens a finished recording
 * and deletion is final.
 */
public enum EventType {
  STARTED("recording-started", 0, RecordingStatus.PROCESSING),
  COMPLETED("recording-completed", 1, RecordingStatus.COMPLETED),
  FAILED("recording-failed", 1, RecordingStatus.FAILED),
  DELETED("recording-deleted", 2, RecordingStatus.DELETED);

  private final String wire;
  private final int rank;
  private final RecordingStatus status;

  EventType(String wire, int rank, RecordingStatus status) {
    this.wire = wire;
    this.rank = rank;
    this.status = status;
  }

  public String wire() {
    return wire;
  }

  public int rank() {
    return rank;
  }

  public RecordingStatus status() {
    return status;
  }

  /** Parses the exact {@code event_type} spelling; empty for anything else. */
  public static Optional<EventType> fromWire(String value) {
    for (EventType type : values()) {
      if (type.wire.equals(value)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
