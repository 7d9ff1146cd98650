package dev.recordingsindexer.indexer.store;

import java.util.List;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.internals.StateStoreProvider;

/**
 * Lets {@code KafkaStreams.store(...)} hand out the recordings store of one partition as a {@link
 * RecordingReader} (query it with {@code StoreQueryParameters.withPartition}).
 *
 * <p>Kafka Streams hands out the store of an active task while the task is still restoring (with
 * the state updater, restoring tasks count as active for interactive queries). The type for active
 * reads therefore also requires the store's task to be processing ({@link
 * RecordingStore#processing}); the type for stale reads (standbys) does not.
 */
final class RecordingStoreType implements QueryableStoreType<RecordingReader> {

  private final boolean processingOnly;

  /**
   * @param processingOnly whether a store whose task does not process input yet is refused
   */
  RecordingStoreType(boolean processingOnly) {
    this.processingOnly = processingOnly;
  }

  @Override
  public boolean accepts(org.apache.kafka.streams.processor.StateStore stateStore) {
    return stateStore instanceof IndexedRecordingStore;
  }

  /**
   * @throws InvalidStateStoreException unless exactly one local store matches (ask for one
   *     partition), and, for active reads, its task processes input
   */
  @Override
  public RecordingReader create(StateStoreProvider provider, String storeName) {
    List<RecordingReader> stores = provider.stores(storeName, this);
    if (stores.size() != 1) {
      throw new InvalidStateStoreException(
          "expected one local partition of store " + storeName + ", found " + stores.size());
    }
    RecordingReader store = stores.get(0);
    if (processingOnly && !((IndexedRecordingStore) store).isProcessing()) {
      throw new InvalidStateStoreException(
          "the active task of this partition of store "
              + storeName
              + " is restoring: it answers once it processes input");
    }
    return store;
  }
}
