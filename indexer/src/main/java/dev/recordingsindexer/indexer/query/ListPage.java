package dev.recordingsindexer.indexer.query;

import dev.recordingsindexer.indexer.model.Recording;
import java.util.List;
import java.util.Objects;

/**
 * One page of matches, in list order (newest first) whatever direction it was read in.
 *
 * @param hasMoreAfter whether any match exists after the page's last item in list order (false for
 *     an empty page): the HTTP layer's {@code next_page_url} is null exactly when this is false
 * @param plan the index the query used ({@code source}, {@code grouping}, {@code status}, {@code
 *     date}), for metrics
 */
public record ListPage(List<Recording> recordings, boolean hasMoreAfter, String plan) {

  public ListPage {
    recordings = List.copyOf(recordings);
    Objects.requireNonNull(plan, "plan");
  }
}
