package dev.recordingsindexer.indexer.model;

import java.util.Optional;

/** A recording's lifecycle status, spelled on the wire exactly as Twilio spells it. */
public enum RecordingStatus {
  PROCESSING("processing"),
  COMPLETED("completed"),
  DELETED("deleted"),
  FAILED("failed");

  private final String wire;

  RecordingStatus(String wire) {
    this.wire = wire;
  }

  /** The value as it appears in JSON and in the {@code Status} query parameter. */
  public String wire() {
    return wire;
  }

  /** Parses the exact (case-sensitive) wire spelling; empty for anything else. */
  public static Optional<RecordingStatus> fromWire(String value) {
    for (RecordingStatus status : values()) {
      if (status.wire.equals(value)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
