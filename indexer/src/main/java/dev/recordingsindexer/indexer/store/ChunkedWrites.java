package dev.recordingsindexer.indexer.store;

import org.apache.kafka.streams.errors.ProcessorStateException;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * Bulk writes (a layout upgrade, an index build) in batches of {@link #ENTRIES_PER_BATCH}, so they
 * never hold every change in memory. Each batch is atomic, the whole is not: callers write the key
 * that marks their work done in the last batch, by {@link #flush()}. One thread at a time; close it
 * (it holds a native batch).
 */
final class ChunkedWrites implements AutoCloseable {

  static final int ENTRIES_PER_BATCH = 10_000;

  private final RocksDbHandle db;
  private WriteBatch batch = new WriteBatch();
  private long count;

  ChunkedWrites(RocksDbHandle db) {
    this.db = db;
  }

  void put(byte[] key, byte[] value) {
    try {
      batch.put(key, value);
    } catch (RocksDBException e) {
      throw new ProcessorStateException("cannot stage a bulk write", e);
    }
    count++;
    if (batch.count() >= ENTRIES_PER_BATCH) {
      flush();
    }
  }

  void delete(byte[] key) {
    try {
      batch.delete(key);
    } catch (RocksDBException e) {
      throw new ProcessorStateException("cannot stage a bulk delete", e);
    }
    if (batch.count() >= ENTRIES_PER_BATCH) {
      flush();
    }
  }

  /** How many puts were made. */
  long count() {
    return count;
  }

  /** Writes what is staged. */
  void flush() {
    if (batch.count() > 0) {
      db.write(batch);
      batch.close();
      batch = new WriteBatch();
    }
  }

  @Override
  public void close() {
    batch.close();
  }
}
