package dev.recordingsindexer.indexer.query;

import java.util.Objects;

/**
 * One page of one account's recordings.
 *
 * @param pageSize 1..100 (the HTTP layer caps larger requests)
 */
public record ListRequest(
    String accountSid, RecordingFilter filter, PagePosition position, int pageSize) {

  public ListRequest {
    Objects.requireNonNull(accountSid, "accountSid");
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(position, "position");
    if (pageSize < 1 || pageSize > 100) {
      throw new IllegalArgumentException("pageSize must be 1..100: " + pageSize);
    }
  }
}
