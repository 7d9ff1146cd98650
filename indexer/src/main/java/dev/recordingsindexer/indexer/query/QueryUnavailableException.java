package dev.recordingsindexer.indexer.query;

import java.time.Duration;
import java.util.Objects;

/**
 * A query cannot be answered completely right now (stores restoring, a rebalance, a partition owned
 * elsewhere). The HTTP layer answers 503 with {@code Retry-After}; never a partial list.
 */
public final class QueryUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  public QueryUnavailableException(String reason, Duration retryAfter) {
    super(Objects.requireNonNull(reason, "reason"));
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
  }

  public QueryUnavailableException(String reason, Duration retryAfter, Throwable cause) {
    super(Objects.requireNonNull(reason, "reason"), cause);
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
