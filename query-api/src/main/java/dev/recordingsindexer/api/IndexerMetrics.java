package dev.recordingsindexer.api;

import dev.recordingsindexer.indexer.query.QueryUnavailableException;
import dev.recordingsindexer.indexer.store.RecordingReader;
import dev.recordingsindexer.indexer.store.RecordingReaders;
import dev.recordingsindexer.indexer.store.RecordingStore;
import dev.recordingsindexer.indexer.store.RocksDbMemory;
import dev.recordingsindexer.indexer.topology.IndexerListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.BaseUnits;
import java.util.function.ToLongFunction;

/**
 * The indexer's own meters: events consumed, dead-lettered (by reason) and purged, counted from the
 * topology's {@link IndexerListener} callbacks, the number of recordings stored, and the RocksDB
 * memory shared by the process's stores ({@link RocksDbMemory}: 0 until a store opens). Counters
 * are at-least-once (see {@link IndexerListener}). Thread-safe.
 */
final class IndexerMetrics implements IndexerListener {

  private final MeterRegistry registry;
  private final Counter consumed;
  private final Counter purged;

  IndexerMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.consumed =
        Counter.builder("recordings.events.consumed")
            .description("records read from the input topic, valid or not")
            .register(registry);
    this.purged =
        Counter.builder("recordings.purged")
            .description("recordings erased by a tombstone")
            .register(registry);
    gaugeRocksDb(
        "recordings.rocksdb.block.cache.capacity",
        "bound of the RocksDB block cache shared by every store, memtables included",
        RocksDbMemory.Usage::blockCacheCapacityBytes);
    gaugeRocksDb(
        "recordings.rocksdb.block.cache.usage",
        "bytes in the shared RocksDB block cache, the memtables charged to it included",
        RocksDbMemory.Usage::blockCacheUsageBytes);
    gaugeRocksDb(
        "recordings.rocksdb.write.buffer.capacity",
        "part of the shared block cache that memtables may take before being flushed",
        RocksDbMemory.Usage::writeBufferCapacityBytes);
    gaugeRocksDb(
        "recordings.rocksdb.write.buffer.usage",
        "bytes of the memtables of every open store",
        RocksDbMemory.Usage::writeBufferUsageBytes);
  }

  private void gaugeRocksDb(
      String name, String description, ToLongFunction<RocksDbMemory.Usage> value) {
    Gauge.builder(name, () -> value.applyAsLong(RocksDbMemory.usage()))
        .description(description)
        .baseUnit(BaseUnits.BYTES)
        .register(registry);
  }

  /**
   * Publishes the number of recordings in the store; NaN while the store cannot be read (not
   * running, restoring), so a scrape never shows a misleading zero.
   */
  void gaugeStoredRecordings(RecordingReaders readers) {
    Gauge.builder("recordings.stored", readers, IndexerMetrics::count)
        .description("recordings in the state store (approximate)")
        .tag("store", RecordingStore.NAME)
        .register(registry);
  }

  @Override
  public void onConsumed() {
    consumed.increment();
  }

  @Override
  public void onDeadLettered(String reason) {
    Counter.builder("recordings.events.dead.lettered")
        .description("records written to the dead-letter topic")
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  @Override
  public void onPurged() {
    purged.increment();
  }

  private static double count(RecordingReaders readers) {
    try {
      return readers.all().stream().mapToLong(RecordingReader::approximateCount).sum();
    } catch (QueryUnavailableException e) {
      return Double.NaN;
    }
  }
}
