package dev.recordingsindexer.indexer.query;

import dev.recordingsindexer.indexer.index.IndexEntries;
import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.SortKey;
import dev.recordingsindexer.indexer.store.IndexKind;
import dev.recordingsindexer.indexer.store.RecordingReader;
import dev.recordingsindexer.indexer.store.ScanIterator;
import java.util.Optional;

/**
 * The matching recordings of one partition, walked along one index prefix in one direction.
 *
 * <p>Each index entry is only a candidate: the recording (stored with the entry in the date index,
 * read with {@link RecordingReader#getAt} for the others) is kept only when it still sits at that
 * entry's position and satisfies every filter, so an entry left stale by a concurrent write is
 * skipped rather than returned. The walk stops as soon as it passes the filter's date bound.
 *
 * <p>A status or media type names a large share of the account as often as a small one (most
 * recordings are completed; few failed). So such a plan, unless its own index stores the recordings
 * (the rarer statuses'), first walks the date index, whose entries carry their recordings with
 * their status and media type readable without decoding them ({@link ScanIterator#mayMatch}), and
 * checks each one: cheap while most match. After {@value #MISSES_BEFORE_INDEX} candidates in a row
 * that do not match, it goes on along the plan's own index from the last date entry it checked,
 * reading only the recordings that index names: the same order, so the walk neither repeats nor
 * skips a recording. Holds a store iterator: close it. Not thread-safe.
 */
final class PartitionScan implements AutoCloseable {

  /** Consecutive non-matching date entries after which a status or media type walk narrows. */
  static final int MISSES_BEFORE_INDEX = 8;

  private final RecordingReader reader;
  private final MatchPredicate match;
  private final DateWindow window;
  private final boolean newestFirst;
  private ScanIterator entries;
  // The plan to narrow to while walking the date index instead; null once walking it (or none).
  private QueryPlan narrower;
  private SortKey lastChecked;
  private int misses;
  private boolean narrowed;
  private boolean exhausted;

  private PartitionScan(
      RecordingReader reader,
      ScanIterator entries,
      QueryPlan narrower,
      MatchPredicate match,
      boolean newestFirst) {
    this.reader = reader;
    this.entries = entries;
    this.narrower = narrower;
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
    boolean dateFirst =
        (plan.kind() == IndexKind.STATUS || plan.kind() == IndexKind.MEDIA_TYPE)
            && !IndexEntries.storeRecordings(plan.kind(), plan.value());
    QueryPlan walked = dateFirst ? new QueryPlan(IndexKind.DATE, null) : plan;
    ScanIterator entries =
        reader.scan(walked.scan(match.accountSid(), from, inclusive, newestFirst));
    return new PartitionScan(reader, entries, dateFirst ? plan : null, match, newestFirst);
  }

  /** The next matching recording in the walk's direction, or null when there is none. */
  Recording next() {
    while (!exhausted) {
      if (!entries.hasNext()) {
        break;
      }
      SortKey key = entries.next();
      if (newestFirst ? window.belowLowerBound(key) : window.atOrAboveUpperBound(key)) {
        break;
      }
      lastChecked = key;
      Recording found = candidate(key);
      if (found != null) {
        misses = 0;
        return found;
      }
      if (narrower != null && ++misses >= MISSES_BEFORE_INDEX) {
        narrow();
      }
    }
    exhausted = true;
    return null;
  }

  /** The recording at {@code key}, the entry just walked, when it is there and matches. */
  private Recording candidate(SortKey key) {
    RecordingFilter filter = match.filter();
    if (!entries.mayMatch(filter.status(), filter.mediaType())) {
      return null;
    }
    Recording stored = entries.recording();
    Optional<Recording> candidate =
        stored != null ? Optional.of(stored) : reader.getAt(match.accountSid(), key);
    return candidate.isPresent()
            && SortKey.of(candidate.get()).equals(key)
            && match.test(candidate.get())
        ? candidate.get()
        : null;
  }

  /** Goes on along the narrower index, after the last date entry checked. */
  private void narrow() {
    QueryPlan plan = narrower;
    narrower = null;
    narrowed = true;
    ScanIterator dateEntries = entries;
    entries = reader.scan(plan.scan(match.accountSid(), lastChecked, false, newestFirst));
    dateEntries.close();
  }

  /** Whether a walk that began on the date index went on along the plan's own index. */
  boolean narrowed() {
    return narrowed;
  }

  @Override
  public void close() {
    entries.close();
  }
}
