package dev.recordingsindexer.indexer.query;

import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.SortKey;
import dev.recordingsindexer.indexer.store.RecordingReader;
import dev.recordingsindexer.indexer.store.ScanIterator;
import java.util.Optional;

/**
 * The matching recordings of one partition, walked along one index prefix in one direction.
 *
 * <p>Each index entry is only a candidate: the recording (stored with the entry in the date index,
 * read with {@link RecordingReader#getAt} for the others) is kept only when it still sits at that
 * entry's position and satisfies every filter, so an entry left stale by a concurrent write is
 * skipped rather than returned. The walk stops as soon as it passes the filter's date
 * bound. Holds a store iterator: close it. Not thread-safe.
 */
final class PartitionScan implements AutoCloseable {

  private final RecordingReader reader;
  private final ScanIterator entries;
  private final MatchPredicate match;
  private final DateWindow window;
  private final boolean newestFirst;
  private boolean exhausted;

  private PartitionScan(
      RecordingReader reader, ScanIterator entries, MatchPredicate match, boolean newestFirst) {
    this.reader = reader;
    this.entries = entries;
    this.match = match;
    this.window = DateWindow.of(match.filter());
    this.newestFirst = newestFirst;
  }

  /** Opens the walk of {@code plan}'s prefix from {@code start} (null: the start of the order). */
  static PartitionScan open(
      RecordingReader reader,
      QueryPlan plan,
      MatchPredicate match,
      ScanCursor start,
      boolean newestFirst) {
    SortKey from = start == null ? null : start.key();
    boolean inclusive = start == null || start.inclusive();
    ScanIterator entries = reader.scan(plan.scan(match.accountSid(), from, inclusive, newestFirst));
    return new PartitionScan(reader, entries, match, newestFirst);
  }

  /** The next matching recording in the walk's direction, or null when there is none. */
  Recording next() {
    while (!exhausted && entries.hasNext()) {
      SortKey key = entries.next();
      if (newestFirst ? window.belowLowerBound(key) : window.atOrAboveUpperBound(key)) {
        exhausted = true;
        return null;
      }
      Recording stored = entries.recording();
      Optional<Recording> candidate =
          stored != null ? Optional.of(stored) : reader.getAt(match.accountSid(), key);
      if (candidate.isPresent()
          && SortKey.of(candidate.get()).equals(key)
          && match.test(candidate.get())) {
        return candidate.get();
      }
    }
    exhausted = true;
    return null;
  }

  @Override
  public void close() {
    entries.close();
  }
}
