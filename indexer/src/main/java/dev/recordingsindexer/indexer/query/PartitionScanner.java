package dev.recordingsindexer.indexer.query;

import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.store.RecordingReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Answers one partition's share of a list query from that partition's store: what a local partition
 * runs, and what the peer endpoint runs for another instance.
 *
 * <p>The owner plans the walk itself ({@link QueryPlanner}), applies every filter to each candidate
 * ({@link MatchPredicate}), and clips the start to the filter's date window, so a request carries
 * only the filter and a position. The store iterator is closed before {@link #scan} returns.
 * Stateless and thread-safe if the reader is.
 */
public final class PartitionScanner {

  private PartitionScanner() {}

  /**
   * At most {@code request.limit()} matches of the request's account and filter, starting at {@code
   * request.from()} (included only when {@code fromInclusive}), in the request's direction: list
   * order when {@code newestFirst}, otherwise the reverse (nearest to {@code from} first).
   *
   * @throws QueryUnavailableException when the reader cannot be read now
   */
  public static List<Recording> scan(RecordingReader reader, PartitionScanRequest request) {
    Objects.requireNonNull(reader, "reader");
    Objects.requireNonNull(request, "request");
    QueryPlan plan = QueryPlanner.plan(request.filter());
    MatchPredicate match = new MatchPredicate(request.accountSid(), request.filter());
    DateWindow window = DateWindow.of(request.filter());
    ScanCursor start =
        request.newestFirst()
            ? window.forwardStart(request.from(), request.fromInclusive())
            : window.backwardStart(request.from(), request.fromInclusive());
    List<Recording> matches = new ArrayList<>(Math.min(request.limit(), 16));
    try (PartitionScan scan =
        PartitionScan.open(reader, plan, match, start, request.newestFirst())) {
      Recording next;
      while (matches.size() < request.limit() && (next = scan.next()) != null) {
        matches.add(next);
      }
    }
    return matches;
  }
}
