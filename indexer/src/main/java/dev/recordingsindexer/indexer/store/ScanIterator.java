package dev.recordingsindexer.indexer.store;

import dev.recordingsindexer.indexer.model.SortKey;
import java.util.Iterator;

/**
 * The entries of one {@link IndexScan}, in the scan's direction. Holds a RocksDB iterator: always
 * close it (try-with-resources). Not thread-safe.
 */
public interface ScanIterator extends Iterator<SortKey>, AutoCloseable {
  @Override
  void close();
}
