package dev.recordingsindexer.indexer.model;

import java.util.Optional;

/** The container a recording is stored in. */
public enum ContainerFormat {
  MKA("mka"),
  MKV("mkv");

  private final String wire;

  ContainerFormat(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  /** Parses the exact (case-sensitive) wire spelling; empty for anything else. */
  public static Optional<ContainerFormat> fromWire(String value) {
    for (ContainerFormat format : values()) {
      if (format.wire.equals(value)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }
}
