package dev.recordingsindexer.indexer.store;

import dev.recordingsindexer.indexer.model.Recording;
import java.util.Optional;

/**
 * Read access to the recordings of one store partition, for queries. Implementations are safe to
 * call from HTTP threads while the stream thread writes (RocksDB snapshots per iterator).
 */
public interface RecordingReader {

  /** The recording, or empty when unknown or purged. */
  Optional<Recording> get(String sid);

  /** Walks one index prefix; the caller closes the iterator. */
  ScanIterator scan(IndexScan scan);

  /** The number of recordings stored (an estimate is fine), for metrics. */
  long approximateCount();
}
