package dev.recordingsindexer.indexer.store;

import java.util.function.Supplier;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;

/** Where the recordings store sends one changelog record per change; null value = tombstone. */
@FunctionalInterface
interface ChangelogSink {

  /** For stores built with logging disabled. */
  ChangelogSink NONE = (key, value) -> {};

  void log(byte[] key, byte[] value);

  /** Makes the sink of a store when it is initialized. */
  @FunctionalInterface
  interface Factory {

    /** Logging through Kafka Streams' own context (the store's registered changelog). */
    Factory KAFKA = ContextChangelogSink::of;

    /** No changelog. */
    Factory DISABLED = (context, storeName, position) -> NONE;

    ChangelogSink create(StateStoreContext context, String storeName, Supplier<Position> position);
  }
}
