package dev.recordingsindexer.indexer.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActiveStoresTest {

  @TempDir File first;
  @TempDir File second;

  private final AtomicInteger lookups = new AtomicInteger();
  private IndexedRecordingStore current;
  private IndexedRecordingStore older;

  @AfterEach
  void close() {
    current.close();
    if (older != null) {
      older.close();
    }
  }

  @Test
  void shouldKeepAStoreWhileItsTaskProcesses() {
    current = open(first);
    current.processing(true);
    ActiveStores stores = new ActiveStores(6);

    assertThat(stores.get(2, lookup())).isSameAs(current);
    assertThat(stores.get(2, lookup())).isSameAs(current);

    assertThat(lookups).hasValue(1);
  }

  @Test
  void shouldLookUpAgainOnceTheTaskStopsProcessing() {
    current = open(first);
    current.processing(true);
    ActiveStores stores = new ActiveStores(6);
    stores.get(2, lookup());

    current.processing(false);
    stores.get(2, lookup());

    assertThat(lookups).hasValue(2);
  }

  @Test
  void shouldLookUpAgainOnceTheStoreClosesAndKeepItsSuccessor() {
    older = open(first);
    older.processing(true);
    current = older;
    ActiveStores stores = new ActiveStores(6);
    stores.get(0, lookup());

    older.close(); // the task moved away; another store now holds the partition
    current = open(second);
    current.processing(true);

    assertThat(stores.get(0, lookup())).isSameAs(current);
    assertThat(stores.get(0, lookup())).isSameAs(current);
    assertThat(lookups).hasValue(2);
  }

  @Test
  void shouldLookUpPartitionsBeyondTheKnownCountEveryTime() {
    current = open(first);
    current.processing(true);
    ActiveStores stores = new ActiveStores(1);

    stores.get(3, lookup());
    stores.get(3, lookup());

    assertThat(lookups).hasValue(2);
  }

  private IntFunction<RecordingReader> lookup() {
    return partition -> {
      lookups.incrementAndGet();
      return current;
    };
  }

  private static IndexedRecordingStore open(File dir) {
    IndexedRecordingStore store =
        new IndexedRecordingStore(
            "recordings", RocksDbSettings.defaults(), new CapturedChangelog().factory());
    store.init(new TestStoreContext(dir), store);
    return store;
  }
}
