package dev.recordingsindexer.indexer.event;

/**
 * Signals, inside the parser only, that a value breaks one rule of the event schema; {@link
 * EventParser} turns it into a {@link ParseResult.Invalid} with the same message.
 *
 * <p>Carries no stack trace: it is control flow on the hot path, and the message says everything.
 */
final class InvalidEventException extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * @param field the JSON field at fault ({@code value} for the record as a whole)
   * @param rule what the field breaks, completing the sentence "{@code field}: ..."
   */
  InvalidEventException(String field, String rule) {
    super(field + ": " + rule, null, false, false);
  }
}
