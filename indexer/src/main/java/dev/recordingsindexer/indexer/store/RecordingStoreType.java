package dev.recordingsindexer.indexer.store;

import java.util.List;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.internals.StateStoreProvider;

/**
 * Lets {@code KafkaStreams.store(...)} hand out the recordings store of one partition as a {@link
 * RecordingReader} (query it with {@code StoreQueryParameters.withPartition}).
 */
final class RecordingStoreType implements QueryableStoreType<RecordingReader> {

  @Override
  public boolean accepts(org.apache.kafka.streams.processor.StateStore stateStore) {
    return stateStore instanceof IndexedRecordingStore;
  }

  /**
   * @throws InvalidStateStoreException unless exactly one local store matches (ask for one
   *     partition)
   */
  @Override
  public RecordingReader create(StateStoreProvider provider, String storeName) {
    List<RecordingReader> stores = provider.stores(storeName, this);
    if (stores.size() != 1) {
      throw new InvalidStateStoreException(
          "expected one local partition of store " + storeName + ", found " + stores.size());
    }
    return stores.get(0);
  }
}
