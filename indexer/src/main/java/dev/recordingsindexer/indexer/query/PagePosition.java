package dev.recordingsindexer.indexer.query;

import dev.recordingsindexer.indexer.model.SortKey;
import java.util.Objects;

/** Where a requested page lies in the list order. */
public sealed interface PagePosition {

  /** From the top of the list, skipping {@code skip} matches (Page without a token: offset). */
  record Start(long skip) implements PagePosition {
    public Start {
      if (skip < 0) {
        throw new IllegalArgumentException("skip must be >= 0: " + skip);
      }
    }
  }

  /** The matches strictly after {@code key} in list order (a next page). */
  record After(SortKey key) implements PagePosition {
    public After {
      Objects.requireNonNull(key, "key");
    }
  }

  /**
   * The last page-size matches before {@code key} in list order (a previous page); with {@code
   * inclusive}, {@code key} itself counts as before.
   */
  record Before(SortKey key, boolean inclusive) implements PagePosition {
    public Before {
      Objects.requireNonNull(key, "key");
    }
  }
}
