package dev.recordingsindexer.indexer.topology;

/**
 * Counts what the topology does, for metrics. Called on stream threads: implementations must be
 * thread-safe and fast. Under exactly-once a record may be processed again after an aborted
 * transaction, so counts are at-least-once.
 */
public interface IndexerListener {

  IndexerListener NONE = new IndexerListener() {};

  /** A record was read from the input topic (valid or not). */
  default void onConsumed() {}

  /** A record went to the dead-letter topic; {@code reason} is a short category, e.g. "schema". */
  default void onDeadLettered(String reason) {}

  /** A tombstone purged a recording. */
  default void onPurged() {}
}
