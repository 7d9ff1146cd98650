package dev.recordingsindexer.indexer.query;

import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.SortKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A k-way merge of runs that are each already sorted in one direction: the first {@code limit}
 * recordings of their union in that direction. Stateless.
 */
final class SortedMerge {

  /** Newest first: the list order. */
  static final Comparator<Recording> LIST_ORDER =
      Comparator.comparing(SortKey::of, SortKey.LIST_ORDER);

  /** Oldest first: a backwards walk. */
  static final Comparator<Recording> BACKWARDS = LIST_ORDER.reversed();

  private record Head(Recording recording, Iterator<Recording> rest) {}

  private SortedMerge() {}

  /**
   * The first {@code limit} recordings of all {@code runs} in {@code order}; each run must already
   * be sorted in that order.
   */
  static List<Recording> take(List<List<Recording>> runs, Comparator<Recording> order, long limit) {
    PriorityQueue<Head> heads =
        new PriorityQueue<>(Math.max(1, runs.size()), Comparator.comparing(Head::recording, order));
    for (List<Recording> run : runs) {
      offer(heads, run.iterator());
    }
    List<Recording> merged = new ArrayList<>();
    while (merged.size() < limit && !heads.isEmpty()) {
      Head head = heads.poll();
      merged.add(head.recording());
      offer(heads, head.rest());
    }
    return merged;
  }

  private static void offer(PriorityQueue<Head> heads, Iterator<Recording> run) {
    if (run.hasNext()) {
      heads.add(new Head(run.next(), run));
    }
  }
}
