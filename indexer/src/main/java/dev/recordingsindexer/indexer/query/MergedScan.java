package dev.recordingsindexer.indexer.query;

import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.SortKey;
import dev.recordingsindexer.indexer.store.RecordingReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The matching recordings of every partition, merged into one walk in one direction (a k-way merge
 * on {@link SortKey}): newest first, or oldest first for a backwards walk.
 *
 * <p>Holds one store iterator per partition: close it; closing closes all of them, even when one
 * fails. Not thread-safe.
 */
final class MergedScan implements AutoCloseable {

  /** A partition's next match, with its sort key computed once for the queue's comparisons. */
  private record Head(Recording recording, SortKey key, PartitionScan source) {}

  private final List<PartitionScan> scans;
  private final PriorityQueue<Head> heads;

  private MergedScan(List<PartitionScan> scans, boolean newestFirst) {
    this.scans = scans;
    Comparator<Head> listOrder = (a, b) -> a.key().compareTo(b.key());
    this.heads = new PriorityQueue<>(newestFirst ? listOrder : listOrder.reversed());
    for (PartitionScan scan : scans) {
      offer(scan);
    }
  }

  /** Opens one {@link PartitionScan} per reader; if one fails, those already open are closed. */
  static MergedScan open(
      List<RecordingReader> readers,
      QueryPlan plan,
      MatchPredicate match,
      ScanCursor start,
      boolean newestFirst) {
    List<PartitionScan> scans = new ArrayList<>(readers.size());
    try {
      for (RecordingReader reader : readers) {
        scans.add(PartitionScan.open(reader, plan, match, start, newestFirst));
      }
      return new MergedScan(scans, newestFirst);
    } catch (RuntimeException e) {
      closeAll(scans, e);
      throw e;
    }
  }

  /** The next match over all partitions in the walk's direction, or null when there is none. */
  Recording next() {
    Head head = heads.poll();
    if (head == null) {
      return null;
    }
    offer(head.source());
    return head.recording();
  }

  /** Collects up to {@code limit} further matches, in the walk's direction. */
  List<Recording> take(long limit) {
    List<Recording> taken = new ArrayList<>();
    Recording next;
    while (taken.size() < limit && (next = next()) != null) {
      taken.add(next);
    }
    return taken;
  }

  /** Skips up to {@code count} matches. */
  void skip(long count) {
    for (long skipped = 0; skipped < count && next() != null; skipped++) {
      // the match is dropped: offset paging
    }
  }

  @Override
  public void close() {
    closeAll(scans, null);
  }

  private void offer(PartitionScan scan) {
    Recording next = scan.next();
    if (next != null) {
      heads.add(new Head(next, SortKey.of(next), scan));
    }
  }

  private static void closeAll(List<PartitionScan> scans, RuntimeException primary) {
    RuntimeException failure = primary;
    for (PartitionScan scan : scans) {
      try {
        scan.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (primary == null && failure != null) {
      throw failure;
    }
  }
}
