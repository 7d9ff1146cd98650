package dev.recordingsindexer.indexer.query;

import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.SortKey;
import dev.recordingsindexer.indexer.store.RecordingReader;
import dev.recordingsindexer.indexer.store.RecordingReaders;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers list and fetch queries from the store partitions {@link RecordingReaders} exposes, asking
 * every one of them and merging their answers in list order.
 *
 * <p>A page is read by keyset: from the top (skipping matches for offset paging), after a cursor,
 * or backwards before a cursor. A backwards read that finds fewer than a page of matches has
 * reached the top of the list, so it answers the first page as it is now instead: a previous page
 * is never short or empty while matches exist, and its next page continues without a gap. {@link
 * ListPage#hasMoreAfter()} is exact: a page reads one match beyond its size, and a backwards page
 * probes for one match after its last item. Thread-safe if the readers are; every store iterator is
 * closed before a call returns.
 */
public final class LocalRecordingQueries implements RecordingQueries {

  private final RecordingReaders readers;

  public LocalRecordingQueries(RecordingReaders readers) {
    this.readers = Objects.requireNonNull(readers, "readers");
  }

  @Override
  public ListPage list(ListRequest request) {
    List<RecordingReader> partitions = readers.all();
    QueryPlan plan = QueryPlanner.plan(request.filter());
    MatchPredicate match = new MatchPredicate(request.accountSid(), request.filter());
    DateWindow window = DateWindow.of(request.filter());
    int size = request.pageSize();
    if (request.position() instanceof PagePosition.Before before) {
      ScanCursor start = window.backwardStart(before.key(), before.inclusive());
      List<Recording> page;
      try (MergedScan scan = MergedScan.open(partitions, plan, match, start, false)) {
        page = new ArrayList<>(scan.take(size));
      }
      if (page.size() < size) {
        return forward(partitions, plan, match, window, null, 0, size);
      }
      Collections.reverse(page);
      boolean more =
          !page.isEmpty()
              && anyAfter(partitions, plan, match, SortKey.of(page.get(page.size() - 1)));
      return new ListPage(page, more, plan.name());
    }
    SortKey after = request.position() instanceof PagePosition.After cursor ? cursor.key() : null;
    long skip = request.position() instanceof PagePosition.Start start ? start.skip() : 0;
    return forward(partitions, plan, match, window, after, skip, size);
  }

  private static ListPage forward(
      List<RecordingReader> partitions,
      QueryPlan plan,
      MatchPredicate match,
      DateWindow window,
      SortKey after,
      long skip,
      int size) {
    try (MergedScan scan =
        MergedScan.open(partitions, plan, match, window.forwardStart(after), true)) {
      scan.skip(skip);
      List<Recording> page = scan.take(size + 1L);
      boolean more = page.size() > size;
      return new ListPage(more ? page.subList(0, size) : page, more, plan.name());
    }
  }

  @Override
  public Optional<Recording> fetch(String accountSid, String sid) {
    Objects.requireNonNull(accountSid, "accountSid");
    Objects.requireNonNull(sid, "sid");
    for (RecordingReader reader : readers.all()) {
      Optional<Recording> found = reader.get(sid);
      if (found.isPresent()) {
        return found.filter(recording -> recording.accountSid().equals(accountSid));
      }
    }
    return Optional.empty();
  }

  private static boolean anyAfter(
      List<RecordingReader> partitions, QueryPlan plan, MatchPredicate match, SortKey last) {
    ScanCursor start = DateWindow.of(match.filter()).forwardStart(last);
    try (MergedScan scan = MergedScan.open(partitions, plan, match, start, true)) {
      return scan.next() != null;
    }
  }
}
