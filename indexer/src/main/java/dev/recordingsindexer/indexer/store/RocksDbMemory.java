package dev.recordingsindexer.indexer.store;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * RocksDB memory shared by every store partition of the process that {@link
 * BoundedMemoryRocksDbConfig} configures: one LRU block cache, and one {@link WriteBufferManager}
 * that charges the memtables to that cache, so the cache's capacity bounds data blocks, index and
 * filter blocks and memtables together. It is native (off-heap) memory: it counts in the process's
 * RSS, not in the Java heap.
 *
 * <p>One instance exists per distinct pair of sizes, made on first use (in a service: exactly one).
 * It is never closed: any store of the process may open on it until the process ends, and closing
 * it while one store still uses it would break that store. The bound is soft: the cache has no
 * strict capacity limit (Kafka documents that a strict limit cannot be combined with memtables
 * charged to the cache, RocksDB issue 6247; with one, reads fail once the cache is full), so blocks
 * pinned by open iterators may briefly take it past its capacity. Thread-safe.
 */
public final class RocksDbMemory {

  static {
    RocksDB.loadLibrary();
  }

  /** Share of the cache that index and filter blocks may hold before data blocks evict them. */
  static final double HIGH_PRIORITY_RATIO = 0.25;

  private static final ConcurrentMap<Sizes, RocksDbMemory> SHARED = new ConcurrentHashMap<>();

  private final Sizes sizes;
  private final LRUCache cache;
  private final WriteBufferManager writeBufferManager;
  private final Set<RocksDbHandle> stores = ConcurrentHashMap.newKeySet();

  private RocksDbMemory(Sizes sizes) {
    this.sizes = sizes;
    this.cache = new LRUCache(sizes.cacheBytes(), -1, false, HIGH_PRIORITY_RATIO);
    this.writeBufferManager = new WriteBufferManager(sizes.writeBufferBytes(), cache);
  }

  /** The shared memory of these sizes, created on the first call. */
  static RocksDbMemory of(long cacheBytes, long writeBufferBytes) {
    return SHARED.computeIfAbsent(new Sizes(cacheBytes, writeBufferBytes), RocksDbMemory::new);
  }

  /** The shared memory whose write buffer manager is {@code manager}, if it is one of ours. */
  static Optional<RocksDbMemory> owning(WriteBufferManager manager) {
    if (manager == null) {
      return Optional.empty();
    }
    return SHARED.values().stream().filter(m -> m.writeBufferManager == manager).findFirst();
  }

  /** What the shared memory of the whole process holds now, summed over every instance. */
  public static Usage usage() {
    long capacity = 0;
    long used = 0;
    long writeBufferCapacity = 0;
    long writeBufferUsed = 0;
    for (RocksDbMemory memory : SHARED.values()) {
      capacity += memory.sizes.cacheBytes();
      used += memory.cache.getUsage();
      writeBufferCapacity += memory.sizes.writeBufferBytes();
      writeBufferUsed += memory.writeBufferUsageBytes();
    }
    return new Usage(capacity, used, writeBufferCapacity, writeBufferUsed);
  }

  LRUCache cache() {
    return cache;
  }

  WriteBufferManager writeBufferManager() {
    return writeBufferManager;
  }

  long cacheBytes() {
    return sizes.cacheBytes();
  }

  long writeBufferBytes() {
    return sizes.writeBufferBytes();
  }

  /** Bytes in the cache now, including the memtables charged to it. */
  long cacheUsageBytes() {
    return cache.getUsage();
  }

  /** Memtable bytes of the open stores using this memory (what the manager charges). */
  long writeBufferUsageBytes() {
    long total = 0;
    for (RocksDbHandle store : stores) {
      total += store.memTableBytes();
    }
    return total;
  }

  /** How many open stores use this memory. */
  int openStores() {
    return stores.size();
  }

  /** Counts {@code store}'s memtables in {@link #writeBufferUsageBytes()} until detached. */
  void attach(RocksDbHandle store) {
    stores.add(store);
  }

  void detach(RocksDbHandle store) {
    stores.remove(store);
  }

  /**
   * A snapshot of the process's shared RocksDB memory, in bytes.
   *
   * @param blockCacheCapacityBytes capacity of the shared block cache(s): the bound on RocksDB's
   *     blocks, index and filter blocks and memtables together
   * @param blockCacheUsageBytes what the cache(s) hold now, memtable charges included
   * @param writeBufferCapacityBytes the part of the capacity memtables may take before flushing
   * @param writeBufferUsageBytes memtable memory of the open stores now
   */
  public record Usage(
      long blockCacheCapacityBytes,
      long blockCacheUsageBytes,
      long writeBufferCapacityBytes,
      long writeBufferUsageBytes) {}

  private record Sizes(long cacheBytes, long writeBufferBytes) {
    Sizes {
      if (cacheBytes <= 0 || writeBufferBytes <= 0 || writeBufferBytes >= cacheBytes) {
        throw new IllegalArgumentException(
            "need 0 < write buffer bytes < cache bytes: " + writeBufferBytes + ", " + cacheBytes);
      }
    }
  }
}
