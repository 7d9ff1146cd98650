package dev.recordingsindexer.indexer.query;

import dev.recordingsindexer.indexer.model.SortKey;
import java.time.Instant;

/**
 * The DateCreatedAfter (inclusive) and DateCreatedBefore (exclusive) bounds of a filter, and where
 * they cut the list order.
 *
 * <p>Stored dates are whole seconds, so a bound with a fraction cuts the order at the next whole
 * second. The cut keys carry the lowest and highest valid recording SIDs rather than a sentinel, so
 * that any index key codec can encode them.
 *
 * @param atOrAfter inclusive lower bound, or null
 * @param before exclusive upper bound, or null
 */
record DateWindow(Instant atOrAfter, Instant before) {

  private static final String LOWEST_SID = "RT" + "0".repeat(32);
  private static final String HIGHEST_SID = "RT" + "f".repeat(32);

  static DateWindow of(RecordingFilter filter) {
    return new DateWindow(filter.createdAtOrAfter(), filter.createdBefore());
  }

  boolean contains(Instant dateCreated) {
    return (atOrAfter == null || !dateCreated.isBefore(atOrAfter))
        && (before == null || dateCreated.isBefore(before));
  }

  /** Whether a newest-first walk at {@code key} has gone past the lower bound (it may stop). */
  boolean belowLowerBound(SortKey key) {
    return atOrAfter != null && key.dateCreated().isBefore(atOrAfter);
  }

  /** Whether a backwards walk at {@code key} has gone past the upper bound (it may stop). */
  boolean atOrAboveUpperBound(SortKey key) {
    return before != null && !key.dateCreated().isBefore(before);
  }

  /**
   * Where a newest-first walk starts: after {@code cursor} (exclusive; null: the top), but not
   * before the first key older than the upper bound.
   */
  ScanCursor forwardStart(SortKey cursor) {
    return forwardStart(cursor, false);
  }

  /**
   * Where a newest-first walk starts: at {@code cursor} (included when {@code inclusive}; null: the
   * top), but not before the first key older than the upper bound.
   */
  ScanCursor forwardStart(SortKey cursor, boolean inclusive) {
    ScanCursor fromCursor = cursor == null ? null : new ScanCursor(cursor, inclusive);
    if (before == null) {
      return fromCursor;
    }
    ScanCursor bound =
        new ScanCursor(new SortKey(ceilSeconds(before).minusSeconds(1), HIGHEST_SID), true);
    return fromCursor == null ? bound : ScanCursor.later(fromCursor, bound);
  }

  /**
   * Where a backwards walk starts: before {@code cursor} (null: the bottom of the list), but not
   * after the oldest key within the lower bound.
   */
  ScanCursor backwardStart(SortKey cursor, boolean inclusive) {
    ScanCursor fromCursor = cursor == null ? null : new ScanCursor(cursor, inclusive);
    if (atOrAfter == null) {
      return fromCursor;
    }
    ScanCursor bound = new ScanCursor(new SortKey(ceilSeconds(atOrAfter), LOWEST_SID), true);
    return fromCursor == null ? bound : ScanCursor.earlier(fromCursor, bound);
  }

  private static Instant ceilSeconds(Instant instant) {
    return instant.getNano() == 0 ? instant : Instant.ofEpochSecond(instant.getEpochSecond() + 1);
  }
}
