package dev.recordingsindexer.indexer.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * The recordings stores of one Kafka Streams instance that restore without their indexes (see
 * {@link IndexedRecordingStore}), so that each builds them as soon as its own restore ends: call
 * {@link #restoreEnded} from the instance's {@link StateRestoreListener#onRestoreEnd}. The builds
 * run on builder threads of their own (one per core by default), a few partitions at once, while
 * Kafka Streams' state updater goes on restoring the others; neither it nor the stream thread,
 * which initializes every restored task in one pass of its loop, runs a build. A task whose build
 * is still running when it starts waits for it (its store answers no scan until built); a store
 * whose restore end is never reported builds when its task starts instead. A task that turns into a
 * standby before either (Kafka Streams recycles it, store and all, when a rebalance moves the
 * partition away early) builds when its standby starts updating ({@link #standbyUpdateStarted}), or
 * at its first restored batch, as standbys keep their indexes; it no longer counts as {@link
 * #unbuilt}. Thread-safe; the builder threads are daemons that end after a minute without work.
 */
public final class IndexBuilds {

  private static final AtomicInteger BUILDERS = new AtomicInteger();

  private final Map<String, IndexedRecordingStore> waiting = new ConcurrentHashMap<>();
  private final ThreadPoolExecutor builders;

  /** Builds on as many threads as there are cores. */
  public IndexBuilds() {
    this(Runtime.getRuntime().availableProcessors());
  }

  /** Builds on at most {@code threads} threads at once. */
  public IndexBuilds(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("need at least one builder thread: " + threads);
    }
    builders =
        new ThreadPoolExecutor(
            threads,
            threads,
            1,
            TimeUnit.MINUTES,
            new LinkedBlockingQueue<>(),
            task -> {
              Thread thread = new Thread(task, "index-build-" + BUILDERS.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    builders.allowCoreThreadTimeOut(true);
  }

  /**
   * Reports that the restore of {@code storeName}'s {@code partition} ended: starts building its
   * indexes on a builder thread, and returns.
   */
  public void restoreEnded(String storeName, int partition) {
    build(storeName, partition);
  }

  /**
   * Reports that a standby task started keeping {@code storeName}'s {@code partition} up to date
   * (call it from {@link org.apache.kafka.streams.processor.StandbyUpdateListener#onUpdateStart}):
   * if the store was left without its indexes by the active task it was before, builds them now on
   * a builder thread, and returns. A standby's changelog may stay silent for as long as the input
   * does, so this cannot wait for its first restored batch.
   */
  public void standbyUpdateStarted(String storeName, int partition) {
    build(storeName, partition);
  }

  /**
   * How many open stores of active tasks restore, or have restored, without their indexes and have
   * not built them yet: they answer no scan until they have. A store whose task turned into a
   * standby is not counted: a standby does not keep this instance from being ready.
   */
  public int unbuilt() {
    int count = 0;
    for (IndexedRecordingStore store : waiting.values()) {
      if (store.isActiveTask()) {
        count++;
      }
    }
    return count;
  }

  private void build(String storeName, int partition) {
    IndexedRecordingStore store = waiting.get(key(storeName, partition));
    if (store != null) {
      builders.execute(store::buildOnBuilderThread);
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
