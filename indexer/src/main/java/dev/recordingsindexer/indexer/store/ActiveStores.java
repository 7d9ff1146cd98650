package dev.recordingsindexer.indexer.store;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;

/**
 * The active store of each partition, kept between queries while it is open and its task processes
 * input ({@link IndexedRecordingStore#isProcessing}: cleared when the task closes, is suspended
 * into a standby, or the store closes); otherwise looked up again. Kafka Streams' own lookup takes
 * locks the stream thread also holds, and doing it for every partition of every request was the
 * main contention of concurrent queries. Thread-safe; two threads may look up the same partition at
 * once, and either answer is right.
 */
final class ActiveStores {

  private final AtomicReferenceArray<IndexedRecordingStore> stores;

  ActiveStores(int partitions) {
    stores = new AtomicReferenceArray<>(partitions);
  }

  /** The partition count the stores were kept for. */
  int partitions() {
    return stores.length();
  }

  /**
   * The kept store of {@code partition} if it still answers as the active copy, else the one {@code
   * lookup} returns (which throws when there is none), kept for next time.
   */
  RecordingReader get(int partition, IntFunction<RecordingReader> lookup) {
    boolean keepable = partition >= 0 && partition < stores.length();
    if (keepable) {
      IndexedRecordingStore kept = stores.get(partition);
      if (kept != null && kept.isOpen() && kept.isProcessing()) {
        return kept;
      }
    }
    RecordingReader store = lookup.apply(partition);
    if (keepable && store instanceof IndexedRecordingStore indexed) {
      stores.set(partition, indexed);
    }
    return store;
  }
}
