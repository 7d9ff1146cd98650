package dev.recordingsindexer.api.http;

import java.util.function.LongSupplier;

/**
 * The per-account request rate: a token bucket per authenticated account SID ({@code burst}
 * requests at once, refilled at {@code perSecond}), checked after authentication so that only real
 * accounts get buckets. Over the rate, 429 (20429) with {@code Retry-After}. Accounts idle long
 * enough to refill lose their bucket; at most {@value AuthThrottle#MAX_KEYS} are held. Thread-safe.
 */
final class AccountRateLimit {

  private final TokenBuckets<String> buckets;
  private final HttpMetrics metrics;

  /** A limit of {@code perSecond} (0 = none) with bursts of {@code burst}. */
  AccountRateLimit(int perSecond, int burst, LongSupplier nanoTime, HttpMetrics metrics) {
    this.buckets =
        perSecond == 0
            ? null
            : new TokenBuckets<>(burst, perSecond, AuthThrottle.MAX_KEYS, nanoTime);
    this.metrics = metrics;
  }

  /**
   * Spends one request of {@code account}'s rate.
   *
   * @throws ApiException 429 (20429) with {@code Retry-After} when the account is over its rate
   */
  void acquire(String account) {
    if (buckets == null) {
      return;
    }
    long wait = buckets.take(account);
    if (wait > 0) {
      metrics.rateLimited("account");
      throw ApiException.tooManyRequests("this account's request rate is exceeded", wait);
    }
  }
}
