package dev.recordingsindexer.indexer.store;

import dev.recordingsindexer.indexer.fold.RecordingStateCodec;
import dev.recordingsindexer.indexer.index.IndexEntries;
import dev.recordingsindexer.indexer.index.IndexKeys;
import dev.recordingsindexer.indexer.model.Recording;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.utils.Bytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Building a store's indexes in one pass over its recordings, after a restore into an empty store
 * wrote the recordings alone (see {@link IndexedRecordingStore}): cheaper than keeping the indexes
 * record by record, which reads and decodes each recording's previous version to diff its entries.
 *
 * <p>The entries are sorted in memory, a bounded chunk at a time, and loaded as table files: no
 * memtable, and no compaction rewriting them level after level as random-order writes would (with
 * 32 MiB of shared memtables, those stalled the build on level-0 files).
 *
 * <p>While the recordings are restored without their indexes, a reserved key ({@code 0x04}, below
 * every kind {@link IndexKeys} uses) says so, in the same batches as the recordings. The build
 * writes it away in its last batch, with the recording count. A store opened with the key (the
 * process stopped part-way) first drops whatever index entries a build may have started ({@link
 * #dropEntries}), then builds them again once its restore is over.
 */
final class IndexBuild {

  static final byte[] PENDING_KEY = {0x04, 'i', 'n', 'd', 'e', 'x', 'e', 's'};

  private static final Logger LOG = LoggerFactory.getLogger(IndexBuild.class);
  private static final byte[] EMPTY = new byte[0];
  // About 32 MiB of keys and values (with the recordings the date entries store: the entries of
  // some 35,000 recordings) held at once, plus their object headers.
  private static final long CHUNK_BYTES = 32L << 20;

  private IndexBuild() {}

  /** Whether {@code db} holds recordings whose index entries are still to be built. */
  static boolean pending(RocksDbHandle db) {
    return db.get(PENDING_KEY) != null;
  }

  /** Marks, in {@code writes}, that the recordings it stores have no index entries yet. */
  static void markPending(StoreWrites writes) {
    writes.putRaw(PENDING_KEY, EMPTY);
  }

  /** Deletes every index entry (the remains of a build that did not finish). */
  static void dropEntries(RocksDbHandle db) {
    db.deleteRange(IndexKeys.indexEntriesStart(), IndexKeys.indexEntriesEnd());
  }

  /**
   * Writes the index entries of every recording in {@code db} and the recording count, then clears
   * the pending key; returns the count. The entries are sorted and loaded as table files ({@link
   * RocksDbHandle#ingest}), {@value #CHUNK_BYTES} bytes of entries at a time, which bounds the heap
   * the build takes whatever the partition's size.
   */
  static long build(RocksDbHandle db, String storeName) {
    return build(db, storeName, CHUNK_BYTES);
  }

  /**
   * {@link #build(RocksDbHandle, String)} with chunks of {@code chunkBytes} (tests: many files).
   */
  static long build(RocksDbHandle db, String storeName, long chunkBytes) {
    long started = System.nanoTime();
    Chunk chunk = new Chunk(db, chunkBytes);
    long[] recordings = {0};
    db.forEachTagged(
        IndexKeys.recordingPrefix()[0],
        (key, value) -> {
          Recording recording = RecordingStateCodec.decode(value).toRecording();
          Set<Bytes> storing = new HashSet<>();
          IndexEntries.storing(recording).forEach(entry -> storing.add(Bytes.wrap(entry)));
          byte[] stored = RecordingEntryValue.encode(recording, value);
          for (Bytes entry : IndexEntries.of(recording)) {
            chunk.add(entry.get(), storing.contains(entry) ? stored : EMPTY);
          }
          recordings[0]++;
        });
    chunk.ingest();
    try (ChunkedWrites writes = new ChunkedWrites(db)) {
      writes.put(RecordingCount.KEY, RecordingCount.encode(recordings[0]));
      writes.delete(PENDING_KEY);
      writes.flush();
    }
    LOG.info(
        "Store {}: built the indexes of {} recordings ({} entries in {} files) in {} ms",
        storeName,
        recordings[0],
        chunk.entries,
        chunk.files,
        (System.nanoTime() - started) / 1_000_000);
    return recordings[0];
  }

  /** The entries not yet loaded. */
  private static final class Chunk {
    private final RocksDbHandle db;
    private final long chunkBytes;
    private List<byte[]> keys = new ArrayList<>();
    // The values that are not empty (the date entries'), by key array.
    private Map<byte[], byte[]> values = new IdentityHashMap<>();
    private long bytes;
    private long entries;
    private int files;

    Chunk(RocksDbHandle db, long chunkBytes) {
      this.db = db;
      this.chunkBytes = chunkBytes;
    }

    void add(byte[] key, byte[] value) {
      keys.add(key);
      if (value.length > 0) {
        values.put(key, value);
      }
      bytes += key.length + value.length;
      entries++;
      if (bytes >= chunkBytes) {
        ingest();
      }
    }

    void ingest() {
      if (!keys.isEmpty()) {
        Map<byte[], byte[]> chunkValues = values;
        db.ingest(keys, key -> chunkValues.getOrDefault(key, EMPTY));
        files++;
      }
      keys = new ArrayList<>();
      values = new IdentityHashMap<>();
      bytes = 0;
    }
  }
}
