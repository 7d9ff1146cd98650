package dev.recordingsindexer.indexer.query;

import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.store.RecordingReader;
import dev.recordingsindexer.indexer.store.RecordingReaders;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The partitions of this instance's own stores, as a {@link PartitionSource}: partition {@code p}
 * is {@code readers.all().get(p)}.
 *
 * <p>Scans and fetches run synchronously on the caller's thread and return completed futures: a
 * local read is a few RocksDB seeks, not worth a hand-off. A failure, {@link
 * QueryUnavailableException} included, is returned as a failed future, never thrown. Thread-safe if
 * the readers are.
 */
public final class LocalPartitionSource implements PartitionSource {

  private final RecordingReaders readers;

  public LocalPartitionSource(RecordingReaders readers) {
    this.readers = Objects.requireNonNull(readers, "readers");
  }

  /**
   * {@inheritDoc}
   *
   * @throws QueryUnavailableException when any local partition cannot be read now
   */
  @Override
  public int partitionCount() {
    return readers.all().size();
  }

  @Override
  public CompletableFuture<List<Recording>> scan(int partition, PartitionScanRequest request) {
    Objects.requireNonNull(request, "request");
    try {
      List<RecordingReader> all = readers.all();
      if (partition < 0 || partition >= all.size()) {
        throw new IllegalArgumentException(
            "partition " + partition + " is not one of the " + all.size() + " partitions");
      }
      return CompletableFuture.completedFuture(PartitionScanner.scan(all.get(partition), request));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public CompletableFuture<Optional<Recording>> fetch(String sid) {
    Objects.requireNonNull(sid, "sid");
    try {
      for (RecordingReader reader : readers.all()) {
        Optional<Recording> found = reader.get(sid);
        if (found.isPresent()) {
          return CompletableFuture.completedFuture(found);
        }
      }
      return CompletableFuture.completedFuture(Optional.empty());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
