package dev.recordingsindexer.indexer.topology;

import dev.recordingsindexer.indexer.event.RecordingEvent;
import java.util.Objects;

/**
 * A command for the fold, keyed by recording SID on the repartition topic: apply an event, or purge
 * a recording. It keeps the original record's raw key and value and its {@link Origin} so that the
 * fold can dead-letter the record unchanged (its headers travel as the record's own headers).
 *
 * <p>On the repartition topic the event is carried as the raw value only, and the fold parses it
 * again: the value is the only faithful form of the record, and the parser is deterministic. An
 * envelope folded in the task that routed it (no repartition hop) also carries the event already
 * parsed, which is never serialized. Arrays are not copied; treat them as read-only.
 *
 * @param rawKey the original key, or null
 * @param rawValue the original value; null exactly for {@link Kind#PURGE}
 * @param parsed the event parsed from {@code rawValue}, or null when it must be parsed again
 */
record Envelope(Kind kind, byte[] rawKey, byte[] rawValue, Origin origin, RecordingEvent parsed)
    implements Routed {

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
    if (kind == Kind.PURGE && parsed != null) {
      throw new IllegalArgumentException("a purge carries no event");
    }
  }

  /** An event whose raw value the fold parses again (as read from the repartition topic). */
  static Envelope event(byte[] rawKey, byte[] rawValue, Origin origin) {
    return event(rawKey, rawValue, origin, null);
  }

  /** An event with its value already parsed into {@code parsed} (null: parse again). */
  static Envelope event(byte[] rawKey, byte[] rawValue, Origin origin, RecordingEvent parsed) {
    return new Envelope(
        Kind.EVENT, rawKey, Objects.requireNonNull(rawValue, "rawValue"), origin, parsed);
  }

  static Envelope purge(byte[] rawKey, Origin origin) {
    return new Envelope(Kind.PURGE, rawKey, null, origin, null);
  }

  /** The same command without the parsed event, as it crosses the repartition topic. */
  Envelope withoutParsed() {
    return parsed == null ? this : new Envelope(kind, rawKey, rawValue, origin, null);
  }
}
