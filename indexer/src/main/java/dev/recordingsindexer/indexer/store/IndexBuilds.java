package dev.recordingsindexer.indexer.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * The recordings stores of one Kafka Streams instance that restore without their indexes (see
 * {@link IndexedRecordingStore}), so that each builds them as soon as its own restore ends, on the
 * thread that restored it: call {@link #restoreEnded} from the instance's {@link
 * StateRestoreListener#onRestoreEnd}. That thread (Kafka Streams' state updater) holds no group
 * membership, so a long build cannot exceed the main consumer's {@code max.poll.interval.ms} as it
 * could on the stream thread, which initializes every restored task in one pass of its loop; and
 * the stream thread is free meanwhile. A store whose restore end is never reported builds when its
 * task starts instead. Thread-safe.
 */
public final class IndexBuilds {

  private final Map<String, IndexedRecordingStore> waiting = new ConcurrentHashMap<>();

  /**
   * Reports that the restore of {@code storeName}'s {@code partition} ended: builds its indexes.
   */
  public void restoreEnded(String storeName, int partition) {
    IndexedRecordingStore store = waiting.get(key(storeName, partition));
    if (store != null) {
      store.restoreEnded();
    }
  }

  void waitFor(String storeName, int partition, IndexedRecordingStore store) {
    waiting.put(key(storeName, partition), store);
  }

  void forget(String storeName, int partition, IndexedRecordingStore store) {
    waiting.remove(key(storeName, partition), store);
  }

  private static String key(String storeName, int partition) {
    return storeName + "/" + partition;
  }
}
