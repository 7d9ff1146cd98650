package dev.recordingsindexer.indexer.query;

import dev.recordingsindexer.indexer.model.SortKey;
import dev.recordingsindexer.indexer.store.IndexKind;
import dev.recordingsindexer.indexer.store.IndexScan;
import java.util.Locale;
import java.util.Objects;

/**
 * The index prefix a list query walks: which index, and the prefix's value (null for {@link
 * IndexKind#DATE}). The remaining filters are applied while walking it.
 */
record QueryPlan(IndexKind kind, String value) {

  QueryPlan {
    Objects.requireNonNull(kind, "kind");
    if ((kind == IndexKind.DATE) != (value == null)) {
      throw new IllegalArgumentException("value must be null exactly for the DATE index: " + kind);
    }
  }

  /** The plan's name as {@link ListPage#plan()} reports it: {@code source}, {@code date}, ... */
  String name() {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  /** The scan of this plan's prefix in the account, from {@code from} (null: the start). */
  IndexScan scan(String accountSid, SortKey from, boolean fromInclusive, boolean newestFirst) {
    return new IndexScan(kind, accountSid, value, from, fromInclusive, newestFirst);
  }
}
