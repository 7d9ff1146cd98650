package dev.recordingsindexer.indexer.store;

import dev.recordingsindexer.indexer.model.SortKey;
import java.util.Objects;

/**
 * One range scan over an index prefix.
 *
 * @param kind which index
 * @param accountSid the account the prefix belongs to
 * @param value the prefix's value: the grouping SID, the source SID or the status wire name; null
 *     for {@link IndexKind#DATE}
 * @param from where to start, or null for the start of the order in the scan's direction
 * @param fromInclusive whether an entry equal to {@code from} is returned
 * @param newestFirst true to walk in list order (newest first), false to walk backwards
 */
public record IndexScan(
    IndexKind kind,
    String accountSid,
    String value,
    SortKey from,
    boolean fromInclusive,
    boolean newestFirst) {

  public IndexScan {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(accountSid, "accountSid");
    if ((kind == IndexKind.DATE) != (value == null)) {
      throw new IllegalArgumentException("value must be null exactly for the DATE index: " + kind);
    }
  }
}
