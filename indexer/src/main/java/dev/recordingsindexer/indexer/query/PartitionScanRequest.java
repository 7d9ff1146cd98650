package dev.recordingsindexer.indexer.query;

import dev.recordingsindexer.indexer.model.SortKey;
import java.util.Objects;

/**
 * One partition's share of a list query: at most {@code limit} matches of the account's filter,
 * starting at {@code from} and walking in one direction. It is what one instance asks another for,
 * so it carries the filter itself, never a plan: the partition's owner plans and scans locally.
 *
 * @param from where to start, or null for the start of the order in the scan's direction
 * @param fromInclusive whether a recording at exactly {@code from} counts
 * @param newestFirst true to walk in list order, false to walk backwards (a previous page)
 * @param limit 1..101 (a page of at most 100 plus one to know whether more exist)
 */
public record PartitionScanRequest(
    String accountSid,
    RecordingFilter filter,
    SortKey from,
    boolean fromInclusive,
    boolean newestFirst,
    int limit) {

  /** The largest limit a request may ask for. */
  public static final int MAX_LIMIT = 101;

  public PartitionScanRequest {
    Objects.requireNonNull(accountSid, "accountSid");
    Objects.requireNonNull(filter, "filter");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ": " + limit);
    }
  }
}
