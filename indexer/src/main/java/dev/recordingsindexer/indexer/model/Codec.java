package dev.recordingsindexer.indexer.model;

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

  /**
   * Parses any ASCII letter case of a known codec; empty for anything else. Only ASCII letters fold
   * ({@code "opu\u017f"}, with a long s that Java upper-cases to S, is not OPUS), as in the event
   * schema's pattern.
   */
  public static Optional<Codec> fromAnyCase(String value) {
    if (value == null) {
      return Optional.empty();
    }
    for (Codec codec : values()) {
      if (asciiEqualsIgnoreCase(codec.name(), value)) {
        return Optional.of(codec);
      }
    }
    return Optional.empty();
  }

  private static boolean asciiEqualsIgnoreCase(String upper, String value) {
    if (upper.length() != value.length()) {
      return false;
    }
    for (int i = 0; i < upper.length(); i++) {
      char c = value.charAt(i);
      char folded = c >= 'a' && c <= 'z' ? (char) (c - ('a' - 'A')) : c;
      if (folded != upper.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
