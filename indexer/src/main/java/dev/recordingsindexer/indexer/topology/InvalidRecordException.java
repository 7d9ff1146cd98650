package dev.recordingsindexer.indexer.topology;

/**
 * Names, in a dead-letter record's {@code __streams.errors.exception} header, a record the indexer
 * rejected by a contract rule (schema, tombstone key, account) rather than by a failure. Never
 * thrown; its message header starts with the rule's category.
 */
public final class InvalidRecordException extends RuntimeException {

  private InvalidRecordException() {
    super("never thrown");
  }
}
