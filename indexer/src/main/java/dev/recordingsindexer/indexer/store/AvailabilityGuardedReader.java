package dev.recordingsindexer.indexer.store;

import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.SortKey;
import dev.recordingsindexer.indexer.query.QueryUnavailableException;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * A reader whose store may close under it (a rebalance moves the partition away): such failures
 * become {@link QueryUnavailableException}, so the query answers 503 instead of failing or going
 * short. Scans already open fail the same way on their next step.
 */
final class AvailabilityGuardedReader implements RecordingReader {

  private final RecordingReader store;
  private final int partition;
  private final Duration retryAfter;

  AvailabilityGuardedReader(RecordingReader store, int partition, Duration retryAfter) {
    this.store = store;
    this.partition = partition;
    this.retryAfter = retryAfter;
  }

  @Override
  public Optional<Recording> get(String sid) {
    try {
      return store.get(sid);
    } catch (InvalidStateStoreException e) {
      throw unavailable(e);
    }
  }

  @Override
  public Optional<Recording> getAt(String accountSid, SortKey key) {
    try {
      return store.getAt(accountSid, key);
    } catch (InvalidStateStoreException e) {
      throw unavailable(e);
    }
  }

  @Override
  public ScanIterator scan(IndexScan scan) {
    ScanIterator iterator;
    try {
      iterator = store.scan(scan);
    } catch (InvalidStateStoreException e) {
      throw unavailable(e);
    }
    return new GuardedScan(iterator);
  }

  @Override
  public long approximateCount() {
    try {
      return store.approximateCount();
    } catch (InvalidStateStoreException e) {
      throw unavailable(e);
    }
  }

  private QueryUnavailableException unavailable(InvalidStateStoreException cause) {
    return new QueryUnavailableException(
        "partition " + partition + " of the recordings store closed during the query",
        retryAfter,
        cause);
  }

  private final class GuardedScan extends ForwardingScanIterator {

    GuardedScan(ScanIterator iterator) {
      super(iterator);
    }

    @Override
    public boolean hasNext() {
      try {
        return super.hasNext();
      } catch (InvalidStateStoreException e) {
        throw unavailable(e);
      }
    }

    @Override
    public SortKey next() {
      try {
        return super.next();
      } catch (InvalidStateStoreException e) {
        throw unavailable(e);
      }
    }
  }
}
