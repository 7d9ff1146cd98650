package dev.recordingsindexer.indexer.store;

import dev.recordingsindexer.indexer.fold.RecordingStateCodec;
import dev.recordingsindexer.indexer.index.IndexEntries;
import dev.recordingsindexer.indexer.index.IndexKeys;
import dev.recordingsindexer.indexer.model.Recording;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatchWithIndex;

/**
 * The one write path of the recordings store, shared by live writes and changelog restore: each
 * change of a recording becomes, in one batch, its stored state plus the index entries that differ
 * from the previous version, and its date index entry, which stores the state too. Reads see
 * earlier changes of the same batch, so a restore can apply many changelog records in one batch.
 *
 * <p>Without indexes ({@link #withoutIndexes}), as a restore into an empty store writes before
 * {@link IndexBuild} builds them in one pass, a change stores the recording alone: no previous
 * version is read, and the recording count is left to the build.
 *
 * <p>Not thread-safe: used by the stream thread (or the restore thread) only. Close it (it holds a
 * native batch).
 */
final class StoreWrites implements AutoCloseable {

  private static final byte[] EMPTY = new byte[0];

  private final RocksDbHandle db;
  private final WriteBatchWithIndex batch = new WriteBatchWithIndex(true);
  private final boolean indexed;
  private long recordingDelta;
  private long stagedBytes;

  StoreWrites(RocksDbHandle db) {
    this(db, true);
  }

  private StoreWrites(RocksDbHandle db, boolean indexed) {
    this.db = db;
    this.indexed = indexed;
  }

  /** Writes that store recordings without their index entries or count (see above). */
  static StoreWrites withoutIndexes(RocksDbHandle db) {
    StoreWrites writes = new StoreWrites(db, false);
    IndexBuild.markPending(writes);
    return writes;
  }

  /**
   * Stores a recording's encoded state, replacing its index entries and any purge marker.
   *
   * @return false when the stored state already equals {@code state} (nothing was staged)
   */
  boolean putState(String sid, byte[] state) {
    if (!indexed) {
      stage(() -> batch.put(IndexKeys.recording(sid), state));
      removeMarker(sid);
      return true;
    }
    return putState(sid, state, db.get(batch, IndexKeys.recording(sid)));
  }

  /**
   * Like {@link #putState(String, byte[])}, given the state stored now (null: none), as the caller
   * just read it through this batch: saves reading it again. A recording that has a state has no
   * purge marker (storing a state removes the marker, purging removes the state), so the marker is
   * looked for only when there is no previous state.
   */
  boolean putState(String sid, byte[] state, byte[] previous) {
    byte[] key = IndexKeys.recording(sid);
    if (Arrays.equals(previous, state)) {
      return false;
    }
    Set<Bytes> oldEntries = entriesOf(previous);
    Recording recording = RecordingStateCodec.decode(state).toRecording();
    Set<Bytes> newEntries = IndexEntries.of(recording);
    Set<Bytes> storing = new HashSet<>();
    IndexEntries.storing(recording).forEach(entry -> storing.add(Bytes.wrap(entry)));
    for (Bytes entry : oldEntries) {
      if (!newEntries.contains(entry)) {
        stage(() -> batch.delete(entry.get()));
      }
    }
    for (Bytes entry : newEntries) {
      if (!oldEntries.contains(entry) && !storing.contains(entry)) {
        stage(() -> batch.put(entry.get(), EMPTY));
        stagedBytes += entry.get().length;
      }
    }
    // The entries that store the recording too are rewritten at every change.
    byte[] stored = RecordingEntryValue.encode(recording, state);
    for (Bytes entry : storing) {
      stage(() -> batch.put(entry.get(), stored));
      stagedBytes += entry.get().length + stored.length;
    }
    stage(() -> batch.put(key, state));
    stagedBytes += key.length + state.length;
    if (previous == null) {
      removeMarker(sid);
      recordingDelta++;
    }
    return true;
  }

  /** Removes the recording and its index entries and leaves a purge marker stamped {@code atMs}. */
  void putMarker(String sid, long atMs) {
    removeRecording(sid);
    removeMarker(sid);
    stage(() -> batch.put(IndexKeys.marker(sid), IndexKeys.markerValue(atMs)));
    stage(() -> batch.put(IndexKeys.markerExpiry(atMs, sid), EMPTY));
  }

  /** Reads {@code key} as it will be once this batch is written. */
  byte[] read(byte[] key) {
    return db.get(batch, key);
  }

  /** Stages a raw key-value pair outside the recording keys (such as a committed offset). */
  void putRaw(byte[] key, byte[] value) {
    stage(() -> batch.put(key, value));
    stagedBytes += key.length + value.length;
  }

  /** About how many bytes are staged and not written yet (keys and values). */
  long stagedBytes() {
    return stagedBytes;
  }

  /** Removes everything stored under {@code sid}: recording, index entries and purge marker. */
  void removeAll(String sid) {
    removeRecording(sid);
    removeMarker(sid);
  }

  /**
   * Writes what was staged, with the updated {@link RecordingCount}, in one atomic batch, and
   * returns the change in recording count.
   */
  long commit() {
    if (recordingDelta != 0) {
      byte[] count = RecordingCount.encode(RecordingCount.read(db, batch) + recordingDelta);
      stage(() -> batch.put(RecordingCount.KEY, count));
    }
    if (batch.count() > 0) {
      db.write(batch);
    }
    return recordingDelta;
  }

  /** Releases the batch; what was not committed is dropped. */
  @Override
  public void close() {
    batch.close();
  }

  private void removeRecording(String sid) {
    byte[] key = IndexKeys.recording(sid);
    if (!indexed) {
      stage(() -> batch.delete(key));
      return;
    }
    byte[] previous = db.get(batch, key);
    if (previous == null) {
      return;
    }
    for (Bytes entry : entriesOf(previous)) {
      stage(() -> batch.delete(entry.get()));
    }
    stage(() -> batch.delete(key));
    recordingDelta--;
  }

  private void removeMarker(String sid) {
    byte[] key = IndexKeys.marker(sid);
    byte[] marker = db.get(batch, key);
    if (marker != null) {
      long at = IndexKeys.markerTime(marker);
      stage(() -> batch.delete(IndexKeys.markerExpiry(at, sid)));
      stage(() -> batch.delete(key));
    }
  }

  private static Set<Bytes> entriesOf(byte[] state) {
    if (state == null) {
      return new HashSet<>();
    }
    return IndexEntries.of(RecordingStateCodec.decode(state).toRecording());
  }

  private static void stage(BatchCall call) {
    try {
      call.run();
    } catch (RocksDBException e) {
      throw new ProcessorStateException("cannot stage a write in the recordings store", e);
    }
  }

  @FunctionalInterface
  private interface BatchCall {
    void run() throws RocksDBException;
  }
}
