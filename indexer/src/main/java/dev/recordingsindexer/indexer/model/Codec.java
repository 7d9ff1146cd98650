package dev.recordingsindexer.indexer.model;

import java.util.Locale;
import java.util.Optional;

/** A track's codec; events may spell it in any letter case, the API answers in this spelling. */
public enum Codec {
  VP8,
  H264,
  OPUS,
  PCMU;

  public String wire() {
    return name();
  }

  /** Parses any letter case of a known codec; empty for anything else. */
  public static Optional<Codec> fromAnyCase(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String upper = value.toUpperCase(Locale.ROOT);
    for (Codec codec : values()) {
      if (codec.name().equals(upper)) {
        return Optional.of(codec);
      }
    }
    return Optional.empty();
  }
}
