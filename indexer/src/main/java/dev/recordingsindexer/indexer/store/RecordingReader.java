package dev.recordingsindexer.indexer.store;

import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.SortKey;
import java.util.Optional;

/**
 * Read access to the recordings of one store partition, for queries. Implementations are safe to
 * call from HTTP threads while the stream thread writes (RocksDB snapshots per iterator).
 */
public interface RecordingReader {

  /** The recording, or empty when unknown or purged. */
  Optional<Recording> get(String sid);

  /**
   * The recording listed at {@code key} in the account's list, or empty when no recording of that
   * account sits there now (unknown, purged, or moved by a later change): how a query reads the
   * candidate an index entry names. A store may read it where recordings near it in list order are,
   * instead of by SID.
   */
  default Optional<Recording> getAt(String accountSid, SortKey key) {
    return get(key.sid())
        .filter(
            recording ->
                recording.accountSid().equals(accountSid) && SortKey.of(recording).equals(key));
  }

  /** Walks one index prefix; the caller closes the iterator. */
  ScanIterator scan(IndexScan scan);

  /** The number of recordings stored (an estimate is fine), for metrics. */
  long approximateCount();
}
