package dev.recordingsindexer.indexer.store;

import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * The entry points to the recordings store for the topology and for interactive queries. In a
 * processor, {@code context.getStateStore(RecordingStore.NAME)} returns a {@link RecordingStore}.
 */
public final class RecordingStores {

  private RecordingStores() {}

  /** A builder of the store named {@link RecordingStore#NAME}, logged, with default tuning. */
  public static StoreBuilder<? extends StateStore> builder() {
    return builder(new IndexBuilds());
  }

  /**
   * Like {@link #builder()}, its stores reporting to {@code builds}, which the Kafka Streams
   * instance's restore listener tells when each restore ends.
   */
  public static StoreBuilder<? extends StateStore> builder(IndexBuilds builds) {
    return new RecordingStoreBuilder(RecordingStore.NAME, RocksDbSettings.defaults(), builds);
  }

  /** A builder of a logged store with the given name and RocksDB tuning. */
  public static StoreBuilder<? extends StateStore> builder(String name, RocksDbSettings settings) {
    return new RecordingStoreBuilder(name, settings, new IndexBuilds());
  }

  /**
   * The type to pass to {@code StoreQueryParameters.fromNameAndType} for a read of any local copy
   * (with {@code enableStaleStores()}: standbys too): one partition's reader, however complete.
   */
  public static QueryableStoreType<RecordingReader> queryableStoreType() {
    return new RecordingStoreType(false);
  }

  /**
   * The type for a read of the active copy: one partition's reader, only once its task has restored
   * the store and processes input; {@code KafkaStreams.store} throws {@code
   * InvalidStateStoreException} before that. Kafka Streams alone would also hand out the store of
   * an active task that is still restoring.
   */
  public static QueryableStoreType<RecordingReader> activeQueryableStoreType() {
    return new RecordingStoreType(true);
  }
}
