package dev.recordingsindexer.api.routing;

import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.query.PartitionScanRequest;
import dev.recordingsindexer.indexer.query.QueryUnavailableException;
import java.util.List;
import java.util.Optional;

/**
 * Reads from this instance's copies of the recordings store's partitions. Every method either
 * answers completely from the requested kind of copy or throws {@link QueryUnavailableException}
 * saying why (no such copy here, still restoring, too far behind, closed during the read).
 * Thread-safe.
 */
public interface LocalReplicas {

  /** The matches of {@code request} in {@code partition}. */
  List<Recording> scan(int partition, PartitionScanRequest request, Replica replica);

  /** The recording with this SID in {@code partition}, of any account. */
  Optional<Recording> fetch(int partition, String sid, Replica replica);
}
