package dev.recordingsindexer.indexer.model;

import java.util.Optional;

/** The media type of a recorded track ({@code type} in JSON, {@code MediaType} as a filter). */
public enum MediaType {
  AUDIO("audio"),
  VIDEO("video"),
  DATA("data");

  private final String wire;

  MediaType(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  /** Parses the exact (case-sensitive) wire spelling; empty for anything else. */
  public static Optional<MediaType> fromWire(String value) {
    for (MediaType type : values()) {
      if (type.wire.equals(value)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
