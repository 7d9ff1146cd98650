package dev.recordingsindexer.indexer.store;

/**
 * The RocksDB tuning of one recordings store partition: the one place to change memory and
 * background work. Defaults suit a small (2-core) machine. On their own they bound nothing across
 * partitions (each store owns its cache and write buffers); the service's {@code
 * rocksdb.config.setter}, {@link BoundedMemoryRocksDbConfig}, replaces both with memory shared by
 * every partition of the process.
 *
 * @param blockCacheBytes LRU block cache per store
 * @param writeBufferBytes size of one memtable
 * @param maxWriteBuffers memtables kept before writes stall
 * @param backgroundJobs flush and compaction threads
 * @param bloomBitsPerKey bloom filter bits per key for point lookups; 0 disables it
 */
public record RocksDbSettings(
    long blockCacheBytes,
    long writeBufferBytes,
    int maxWriteBuffers,
    int backgroundJobs,
    int bloomBitsPerKey) {

  public RocksDbSettings {
    if (blockCacheBytes < 0 || writeBufferBytes <= 0) {
      throw new IllegalArgumentException("cache must be >= 0 and write buffers > 0 bytes");
    }
    if (maxWriteBuffers < 2 || backgroundJobs < 1 || bloomBitsPerKey < 0) {
      throw new IllegalArgumentException(
          "need >= 2 write buffers, >= 1 background job and >= 0 bloom bits");
    }
  }

  /** 16 MiB block cache, 3 x 8 MiB memtables, 2 background jobs, 10-bit bloom filter. */
  public static RocksDbSettings defaults() {
    return new RocksDbSettings(16L << 20, 8L << 20, 3, 2, 10);
  }
}
