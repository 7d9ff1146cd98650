package dev.recordingsindexer.api.http;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Slows down guessing of auth tokens without locking the real owner out. Failed authentications are
 * counted twice: per (account, client address) and per client address. Once either count is spent,
 * further attempts from that address (for that account, or for any account) answer 429 with {@code
 * Retry-After} before the token is even compared.
 *
 * <p>Neither count is per account alone: an attacker failing for account X from address A spends
 * the counts of (X, A) and of A, so the owner of X calling from address B is never refused. The
 * address count stops one address from spraying many accounts. Each count is a token bucket: a
 * burst of the hourly limit, then one more attempt every hour / limit (36 s for 100 an hour).
 *
 * <p>Only well-formed account SIDs are counted per account (others count per address only), so an
 * attacker cannot fill memory with long user names; each map holds at most {@value #MAX_KEYS}
 * entries (see {@link TokenBuckets}). Thread-safe.
 */
final class AuthThrottle {

  static final int MAX_KEYS = 100_000;

  private static final Pattern ACCOUNT_SID = Pattern.compile("^AC[0-9a-fA-F]{32}$");
  private static final double SECONDS_PER_HOUR = Duration.ofHours(1).toSeconds();

  private final TokenBuckets<AccountAtAddress> perAccountAndAddress;
  private final TokenBuckets<String> perAddress;
  private final HttpMetrics metrics;

  /**
   * @param perHour failures allowed per account and address in an hour; 0 = unlimited
   * @param perHourPerAddress failures allowed per address in an hour; 0 = unlimited
   */
  AuthThrottle(int perHour, int perHourPerAddress, LongSupplier nanoTime, HttpMetrics metrics) {
    this.perAccountAndAddress = buckets(perHour, nanoTime);
    this.perAddress = buckets(perHourPerAddress, nanoTime);
    this.metrics = metrics;
  }

  /**
   * Refuses an attempt from {@code address} for {@code account} (null when the credentials name
   * none) while either count is spent.
   *
   * @throws ApiException 429 (20429) with {@code Retry-After}
   */
  void checkAllowed(String account, String address) {
    long wait = perAddress == null ? 0 : perAddress.waitNanos(address);
    AccountAtAddress key = key(account, address);
    if (key != null && perAccountAndAddress != null) {
      wait = Math.max(wait, perAccountAndAddress.waitNanos(key));
    }
    if (wait > 0) {
      metrics.rateLimited("auth_failures");
      throw ApiException.tooManyRequests(
          "too many failed authentications from this address; retry later", wait);
    }
  }

  /** Counts a failed authentication from {@code address} for {@code account} (null for none). */
  void failed(String account, String address) {
    if (perAddress != null) {
      perAddress.take(address);
    }
    AccountAtAddress key = key(account, address);
    if (key != null && perAccountAndAddress != null) {
      perAccountAndAddress.take(key);
    }
  }

  private static AccountAtAddress key(String account, String address) {
    return account != null && ACCOUNT_SID.matcher(account).matches()
        ? new AccountAtAddress(account, address)
        : null;
  }

  private static <K> TokenBuckets<K> buckets(int perHour, LongSupplier nanoTime) {
    return perHour == 0
        ? null
        : new TokenBuckets<>(perHour, perHour / SECONDS_PER_HOUR, MAX_KEYS, nanoTime);
  }

  private record AccountAtAddress(String account, String address) {}
}
