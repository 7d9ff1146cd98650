package dev.recordingsindexer.indexer.store;

import dev.recordingsindexer.indexer.model.MediaType;
import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.RecordingStatus;
import dev.recordingsindexer.indexer.model.SortKey;
import java.util.Iterator;

/**
 * The entries of one {@link IndexScan}, in the scan's direction. Holds a RocksDB iterator: always
 * close it (try-with-resources). Not thread-safe.
 */
public interface ScanIterator extends Iterator<SortKey>, AutoCloseable {

  /**
   * The recording stored with the entry {@link #next()} returned last, as of the scan's snapshot,
   * when the index stores recordings ({@link
   * dev.recordingsindexer.indexer.index.IndexEntries#storeRecordings}); null when it stores keys
   * only, and the caller reads the recording with {@link RecordingReader#getAt}.
   */
  default Recording recording() {
    return null;
  }

  /**
   * False when the recording stored with the entry {@link #next()} returned last surely has another
   * status or media type than those given (null: any), told without decoding it; true when it may,
   * or when the index stores no recordings.
   */
  default boolean mayMatch(RecordingStatus status, MediaType type) {
    return true;
  }

  @Override
  void close();
}
