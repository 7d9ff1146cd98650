package dev.recordingsindexer.indexer.query;

import dev.recordingsindexer.indexer.model.Recording;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Where a query reads the partitions of the recordings store from: this instance's stores, or the
 * instances that own them. A query is complete only when every partition answered.
 *
 * <p>Futures complete exceptionally with {@link QueryUnavailableException} when a partition has no
 * queryable owner now (rebalancing, restoring, a peer down or too slow, a standby too far behind).
 * Thread-safe.
 */
public interface PartitionSource {

  /**
   * The number of partitions of the store.
   *
   * @throws QueryUnavailableException when it is not known yet
   */
  int partitionCount();

  /** The matches of one partition, in the request's direction. */
  CompletableFuture<List<Recording>> scan(int partition, PartitionScanRequest request);

  /** The recording with this SID from the partition that owns it (any account; callers scope). */
  CompletableFuture<Optional<Recording>> fetch(String sid);
}
