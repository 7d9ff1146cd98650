package dev.recordingsindexer.indexer.topology;

import java.util.Objects;

/**
 * A command for the fold, keyed by recording SID on the repartition topic: apply an event, or purge
 * a recording. It keeps the original record's raw key and value and its {@link Origin} so that the
 * fold can dead-letter the record unchanged (its headers travel as the record's own headers).
 *
 * <p>The event is carried as the raw value and parsed again by the fold: the value is the only
 * faithful form of the record, and the parser is deterministic. Arrays are not copied; treat them
 * as read-only.
 *
 * @param rawKey the original key, or null
 * @param rawValue the original value; null exactly for {@link Kind#PURGE}
 */
record Envelope(Kind kind, byte[] rawKey, byte[] rawValue, Origin origin) implements Routed {

  /** What the fold is asked to do. The byte is the wire code in {@link EnvelopeSerde}. */
  enum Kind {
    EVENT((byte) 1),
    PURGE((byte) 2);

    final byte code;

    Kind(byte code) {
      this.code = code;
    }

    static Kind fromCode(byte code) {
      for (Kind kind : values()) {
        if (kind.code == code) {
          return kind;
        }
      }
      throw new IllegalArgumentException("unknown envelope kind " + code);
    }
  }

  Envelope {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(origin, "origin");
    if ((kind == Kind.PURGE) != (rawValue == null)) {
      throw new IllegalArgumentException("rawValue must be null exactly for a purge: " + kind);
    }
  }

  static Envelope event(byte[] rawKey, byte[] rawValue, Origin origin) {
    return new Envelope(Kind.EVENT, rawKey, Objects.requireNonNull(rawValue, "rawValue"), origin);
  }

  static Envelope purge(byte[] rawKey, Origin origin) {
    return new Envelope(Kind.PURGE, rawKey, null, origin);
  }
}
