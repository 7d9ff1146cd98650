package dev.recordingsindexer.indexer.store;

import dev.recordingsindexer.indexer.index.IndexEntries;
import dev.recordingsindexer.indexer.index.IndexKeys;
import dev.recordingsindexer.indexer.model.MediaType;
import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.RecordingStatus;
import dev.recordingsindexer.indexer.model.SortKey;
import java.util.Arrays;
import java.util.NoSuchElementException;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * Walks one index prefix of the recordings store in either direction, starting at an optional
 * position, with the recordings some indexes store ({@link #recording()}). The RocksDB iterator is
 * an implicit snapshot taken at construction: writes made later by the stream thread are not seen.
 * Not thread-safe; close it.
 */
final class RocksScanIterator implements ScanIterator {

  private final RocksDbHandle db;
  private final RocksIterator iterator;
  private final byte[] prefix;
  private final boolean newestFirst;
  private final boolean storesRecordings;
  private SortKey next;
  private byte[] nextValue;
  private byte[] currentValue;
  private boolean done;

  RocksScanIterator(RocksDbHandle db, IndexScan scan) {
    this.db = db;
    this.prefix = IndexKeys.indexPrefix(scan.kind(), scan.accountSid(), scan.value());
    this.newestFirst = scan.newestFirst();
    this.storesRecordings = IndexEntries.storeRecordings(scan.kind(), scan.value());
    byte[] from = scan.from() == null ? null : IndexKeys.indexEntry(prefix, scan.from());
    this.iterator = db.newIterator();
    try {
      db.withIterator(
          iterator,
          () -> {
            position(from, scan.fromInclusive());
            return null;
          });
    } catch (RuntimeException e) {
      db.closeIterator(iterator);
      throw e;
    }
  }

  private void position(byte[] from, boolean inclusive) {
    if (newestFirst) {
      iterator.seek(from == null ? prefix : inclusive ? from : successor(from));
      return;
    }
    byte[] target = from == null ? upperBound(prefix) : from;
    iterator.seekForPrev(target);
    boolean skip = from == null || !inclusive;
    if (skip && iterator.isValid() && Arrays.compareUnsigned(iterator.key(), target) >= 0) {
      iterator.prev();
    }
  }

  @Override
  public boolean hasNext() {
    if (next == null && !done) {
      db.withIterator(
          iterator,
          () -> {
            advance();
            return null;
          });
    }
    return next != null;
  }

  private void advance() throws RocksDBException {
    if (!iterator.isValid()) {
      iterator.status();
      done = true;
      return;
    }
    byte[] key = iterator.key();
    if (key.length < prefix.length
        || !Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length)) {
      done = true;
      return;
    }
    next = IndexKeys.sortKeyOf(key, prefix.length);
    nextValue = storesRecordings ? iterator.value() : null;
    if (newestFirst) {
      iterator.next();
    } else {
      iterator.prev();
    }
  }

  @Override
  public SortKey next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the index scan is exhausted");
    }
    SortKey result = next;
    currentValue = nextValue;
    next = null;
    nextValue = null;
    return result;
  }

  /** The recording stored with the last entry, decoded; null for an index that stores none. */
  @Override
  public Recording recording() {
    byte[] value = currentValue;
    return value == null || value.length == 0 ? null : RecordingEntryValue.recording(value);
  }

  @Override
  public boolean mayMatch(RecordingStatus status, MediaType type) {
    byte[] value = currentValue;
    return value == null || value.length == 0 || RecordingEntryValue.matches(value, status, type);
  }

  @Override
  public void close() {
    db.closeIterator(iterator);
  }

  private static byte[] successor(byte[] key) {
    return Arrays.copyOf(key, key.length + 1);
  }

  private static byte[] upperBound(byte[] prefix) {
    byte[] bound = prefix.clone();
    for (int i = bound.length - 1; i >= 0; i--) {
      if (++bound[i] != 0) {
        return Arrays.copyOf(bound, i + 1);
      }
    }
    throw new IllegalArgumentException("a prefix of 0xFF bytes has no upper bound");
  }
}
