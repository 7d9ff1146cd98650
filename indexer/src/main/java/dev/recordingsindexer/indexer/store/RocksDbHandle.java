package dev.recordingsindexer.indexer.store;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompressionType;
import org.rocksdb.EnvOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.IngestExternalFileOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.SstFileWriter;
import org.rocksdb.TableProperties;
import org.rocksdb.TablePropertiesCollectorFactory;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteBatchWithIndex;
import org.rocksdb.WriteOptions;

/**
 * One open RocksDB instance and the native objects it needs, guarded so that no thread touches the
 * database after {@link #close()}: every operation holds the read lock and fails with {@link
 * InvalidStateStoreException} once closed; close takes the write lock, closes every iterator still
 * open, then the database.
 *
 * <p>Writes go through RocksDB's write-ahead log (not synced): the store writes one batch per Kafka
 * Streams commit (and per restored batch), each with the changelog offset it matches, so a process
 * killed at any moment reopens with exactly its last committed batch and restores only the rest
 * from the changelog. Without the log, everything since the last memtable flush would be lost and
 * restored again.
 *
 * <p>Memory: by default each handle has its own block cache and memtables ({@link
 * RocksDbSettings}); with {@link BoundedMemoryRocksDbConfig} as the application's config setter,
 * every handle of the process shares one bounded {@link RocksDbMemory} instead.
 *
 * <p>Deletions: index entries move when a recording changes (its status entry above all: every
 * recording starts as processing and most complete minutes later), and each move leaves a tombstone
 * where the entry was, among the newest entries of the index. A scan skips tombstones one by one
 * until compaction carries them to the last level, which can take as long as nothing else triggers
 * a compaction: measured on the benchmark store, {@code Status=processing} skipped 3,098 of them
 * before its first 10 entries (0.7 ms instead of 35 us). So every table file written with {@value
 * #DELETIONS_TRIGGER} deletions among any {@value #DELETIONS_WINDOW} consecutive entries is marked
 * for compaction at once (RocksDB's {@code CompactOnDeletionCollector}).
 */
final class RocksDbHandle implements AutoCloseable {

  static {
    RocksDB.loadLibrary();
  }

  private static final String BULK_DIR = "bulk-load";

  /** Consecutive entries of a table file in which {@link #DELETIONS_TRIGGER} are counted. */
  static final long DELETIONS_WINDOW = 2_000;

  /** Deletions among {@link #DELETIONS_WINDOW} entries that get a table file compacted. */
  static final long DELETIONS_TRIGGER = 400;

  private final String name;
  private final File dir;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Set<RocksIterator> openIterators = ConcurrentHashMap.newKeySet();
  private final LRUCache cache;
  private final BloomFilter filter;
  private final TablePropertiesCollectorFactory deletions;
  private final Options options;
  private final StoreConfigSetter setter;
  private final WriteOptions writeOptions = new WriteOptions();
  private final ReadOptions readOptions = new ReadOptions();
  private final RocksDB db;
  private final Optional<RocksDbMemory> sharedMemory;
  private volatile boolean open;

  private RocksDbHandle(
      String name, RocksDbSettings settings, File dir, Map<String, Object> appConfigs)
      throws RocksDBException {
    this.name = name;
    this.dir = dir;
    cache = new LRUCache(settings.blockCacheBytes());
    filter = settings.bloomBitsPerKey() > 0 ? new BloomFilter(settings.bloomBitsPerKey()) : null;
    BlockBasedTableConfig table = new BlockBasedTableConfig().setBlockCache(cache);
    if (filter != null) {
      table.setFilterPolicy(filter);
    }
    deletions =
        TablePropertiesCollectorFactory.NewCompactOnDeletionCollectorFactory(
            DELETIONS_WINDOW, DELETIONS_TRIGGER, 0);
    options =
        new Options()
            .setCreateIfMissing(true)
            .setTableFormatConfig(table)
            .setWriteBufferSize(settings.writeBufferBytes())
            .setMaxWriteBufferNumber(settings.maxWriteBuffers())
            .setMaxBackgroundJobs(settings.backgroundJobs())
            .setCompressionType(CompressionType.LZ4_COMPRESSION);
    options.setTablePropertiesCollectorFactory(List.of(deletions));
    StoreConfigSetter configured = null;
    RocksDB opened = null;
    try {
      configured = StoreConfigSetter.from(appConfigs);
      configured.apply(name, options);
      opened = RocksDB.open(options, dir.getAbsolutePath());
    } catch (RocksDBException | RuntimeException e) {
      if (configured != null) {
        configured.close(name, options);
      }
      closeNative();
      throw e;
    }
    setter = configured;
    db = opened;
    sharedMemory = RocksDbMemory.owning(options.writeBufferManager());
    sharedMemory.ifPresent(memory -> memory.attach(this));
    open = true;
  }

  /**
   * Opens (creating when missing) the database in {@code dir}: the tuning of {@code settings}, then
   * the {@code rocksdb.config.setter} of {@code appConfigs}, if any, as Kafka Streams' own RocksDB
   * stores apply it.
   */
  static RocksDbHandle open(
      String name, RocksDbSettings settings, File dir, Map<String, Object> appConfigs) {
    try {
      Files.createDirectories(dir.toPath());
      deleteBulkLeftovers(dir.toPath().resolve(BULK_DIR));
      return new RocksDbHandle(name, settings, dir, appConfigs);
    } catch (IOException | RocksDBException e) {
      throw new ProcessorStateException("cannot open store " + name + " in " + dir, e);
    }
  }

  /** Table files a bulk load made but did not ingest: the process stopped in between. */
  private static void deleteBulkLeftovers(Path bulkDir) throws IOException {
    if (Files.isDirectory(bulkDir)) {
      try (var files = Files.list(bulkDir)) {
        for (Path file : files.toList()) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  boolean isOpen() {
    return open;
  }

  byte[] get(byte[] key) {
    return guarded("read", () -> db.get(readOptions, key));
  }

  /** Reads {@code key} as it would be after {@code batch} is written. */
  byte[] get(WriteBatchWithIndex batch, byte[] key) {
    return guarded("read", () -> batch.getFromBatchAndDB(db, readOptions, key));
  }

  void write(WriteBatchWithIndex batch) {
    guarded(
        "write",
        () -> {
          db.write(writeOptions, batch);
          return null;
        });
  }

  /** Writes a plain batch, for bulk writes that never read their own staged changes. */
  void write(WriteBatch batch) {
    guarded(
        "write",
        () -> {
          db.write(writeOptions, batch);
          return null;
        });
  }

  /** Deletes every key from {@code from} (inclusive) to {@code to} (exclusive). */
  void deleteRange(byte[] from, byte[] to) {
    guarded(
        "range delete",
        () -> {
          db.deleteRange(writeOptions, from, to);
          return null;
        });
  }

  /**
   * Writes {@code keys}, each with its value from {@code valueOf}, to a new table file and moves it
   * into the database: for keys no write touches meanwhile, far cheaper than writing them through
   * memtables and compactions. Sorts the keys (unsigned byte order, as the database's; {@code keys}
   * is left as it was); duplicates are written once. The file is made in {@link #bulkDir()} and
   * gone when this returns.
   */
  void ingest(List<byte[]> keys, Function<byte[], byte[]> valueOf) {
    if (keys.isEmpty()) {
      return;
    }
    // Sorting the arrays themselves, not pairs: each comparison would follow one more reference.
    byte[][] sorted = keys.toArray(new byte[0][]);
    Arrays.sort(sorted, Arrays::compareUnsigned);
    guarded(
        "bulk load",
        () -> {
          Path file = Files.createTempFile(bulkDir(), "entries-", ".sst");
          try (EnvOptions env = new EnvOptions();
              SstFileWriter writer = new SstFileWriter(env, options);
              IngestExternalFileOptions ingest = new IngestExternalFileOptions()) {
            writer.open(file.toString());
            byte[] previous = null;
            for (byte[] key : sorted) {
              if (previous == null || !Arrays.equals(previous, key)) {
                writer.put(key, valueOf.apply(key));
              }
              previous = key;
            }
            writer.finish();
            db.ingestExternalFile(List.of(file.toString()), ingest.setMoveFiles(true));
          } finally {
            Files.deleteIfExists(file);
          }
          return null;
        });
  }

  /**
   * The directory for table files about to be ingested: inside the database's, where RocksDB
   * ignores it and a hard link can move them in; created when missing.
   */
  Path bulkDir() throws IOException {
    return Files.createDirectories(dir.toPath().resolve(BULK_DIR));
  }

  /** A fresh iterator (an implicit snapshot); registered so that {@link #close()} can close it. */
  RocksIterator newIterator() {
    return guarded(
        "scan",
        () -> {
          RocksIterator iterator = db.newIterator(readOptions);
          openIterators.add(iterator);
          return iterator;
        });
  }

  /** Closes an iterator from {@link #newIterator()}; safe to call after the store closed. */
  void closeIterator(RocksIterator iterator) {
    if (openIterators.remove(iterator)) {
      iterator.close();
    }
  }

  /** Runs {@code action} on an open iterator while holding the read lock. */
  <T> T withIterator(RocksIterator iterator, RocksCall<T> action) {
    return guarded(
        "scan",
        () -> {
          if (!openIterators.contains(iterator)) {
            throw new InvalidStateStoreException("the scan over store " + name + " was closed");
          }
          return action.run();
        });
  }

  /**
   * Calls {@code visitor} with every entry whose key starts with the byte {@code tag}, in key
   * order, under one iterator (such as every recording, for a count or a layout upgrade).
   */
  void forEachTagged(byte tag, EntryVisitor visitor) {
    RocksIterator iterator = newIterator();
    try {
      withIterator(
          iterator,
          () -> {
            for (iterator.seek(new byte[] {tag}); iterator.isValid(); iterator.next()) {
              byte[] key = iterator.key();
              if (key[0] != tag) {
                break;
              }
              visitor.visit(key, iterator.value());
            }
            iterator.status();
            return null;
          });
    } finally {
      closeIterator(iterator);
    }
  }

  /** Whether any key starts with the byte {@code tag}. */
  boolean hasTagged(byte tag) {
    RocksIterator iterator = newIterator();
    try {
      return withIterator(
          iterator,
          () -> {
            iterator.seek(new byte[] {tag});
            boolean found = iterator.isValid() && iterator.key()[0] == tag;
            iterator.status();
            return found;
          });
    } finally {
      closeIterator(iterator);
    }
  }

  /** One entry of {@link #forEachTagged}. */
  @FunctionalInterface
  interface EntryVisitor {
    void visit(byte[] key, byte[] value) throws RocksDBException;
  }

  /** A numeric RocksDB property, such as {@code rocksdb.estimate-table-readers-mem}. */
  long longProperty(String property) {
    return guarded("property read", () -> db.getLongProperty(property));
  }

  /** Deletion entries (tombstones) in this database's table files, not counting memtables. */
  long tableDeletions() {
    return guarded(
        "table properties read",
        () ->
            db.getPropertiesOfAllTables().values().stream()
                .mapToLong(TableProperties::getNumDeletions)
                .sum());
  }

  /** Writes the memtables to table files and waits until they are written. */
  void flush() {
    guarded(
        "flush",
        () -> {
          try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
            db.flush(flush);
          }
          return null;
        });
  }

  /**
   * Bytes of this database's memtables (active, unflushed and pinned); 0 once closed. For the write
   * buffer gauge, from any thread.
   */
  long memTableBytes() {
    lock.readLock().lock();
    try {
      return open ? db.getLongProperty("rocksdb.size-all-mem-tables") : 0;
    } catch (RocksDBException e) {
      throw new ProcessorStateException("cannot read the memtable size of store " + name, e);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Closes every open iterator, lets the config setter release its objects, then closes the
   * database and the objects this handle created (its own cache and filter, even when the setter
   * replaced them). Idempotent.
   */
  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (!open) {
        return;
      }
      open = false;
      for (RocksIterator iterator : openIterators) {
        closeIterator(iterator);
      }
      sharedMemory.ifPresent(memory -> memory.detach(this));
      setter.close(name, options);
      db.close();
      closeNative();
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void closeNative() {
    readOptions.close();
    writeOptions.close();
    options.close();
    deletions.close();
    if (filter != null) {
      filter.close();
    }
    cache.close();
  }

  private <T> T guarded(String what, RocksCall<T> call) {
    lock.readLock().lock();
    try {
      if (!open) {
        throw new InvalidStateStoreException("store " + name + " is closed");
      }
      return call.run();
    } catch (RocksDBException | IOException e) {
      throw new ProcessorStateException("RocksDB " + what + " failed in store " + name, e);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** One RocksDB call that may fail. */
  @FunctionalInterface
  interface RocksCall<T> {
    T run() throws RocksDBException, IOException;
  }
}
