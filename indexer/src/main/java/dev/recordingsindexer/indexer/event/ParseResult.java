package dev.recordingsindexer.indexer.event;

import java.util.Objects;

/** What {@link EventParser} made of one record value: a valid event, or the reason it is not. */
public sealed interface ParseResult {

  /** A value that satisfies the event schema. */
  record Valid(RecordingEvent event) implements ParseResult {
    public Valid {
      Objects.requireNonNull(event, "event");
    }
  }

  /**
   * A value that does not; {@code reason} is one human-readable sentence naming the field and the
   * rule (it goes into the dead-letter record's headers).
   */
  record Invalid(String reason) implements ParseResult {
    public Invalid {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
