package dev.recordingsindexer.api.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How much the HTTP API accepts from one client: the fixed bounds on a request's size, and the
 * configurable timeouts and rates.
 *
 * <p>Fixed bounds: the request target (path and query, as sent) at most {@value
 * #MAX_REQUEST_TARGET} characters, else 414; the request line and headers together at most {@value
 * #MAX_REQUEST_HEADER_BYTES} bytes, else 431; at most {@value #MAX_QUERY_PARAMETERS} query
 * parameters, each ({@code name=value} as sent) at most {@value #MAX_QUERY_PARAMETER_LENGTH}
 * characters, else 400. Within these bounds every {@code meta} URL the API writes can be followed
 * verbatim: it repeats only the known filters (at most {@value #MAX_QUERY_PARAMETERS} of them, a
 * few kilobytes) and adds three paging parameters, and {@code GroupingSid} is capped at {@value
 * ListParameters#MAX_GROUPING_SIDS} values so those three still fit under the count.
 *
 * @param idleTimeout how long a connection may stay silent, in the middle of a request or between
 *     requests, before the server closes it (slow clients, idle keep-alives)
 * @param ratePerSecond requests per second each authenticated account may make; 0 = no limit
 * @param rateBurst requests an account may make at once before {@code ratePerSecond} applies
 * @param authFailuresPerHour failed authentications allowed per account and client address; 0 = no
 *     limit
 * @param authFailuresPerHourPerAddress failed authentications allowed per client address, whatever
 *     the accounts; 0 = no limit
 * @param trustForwardedFor whether the client address is the last entry of {@code X-Forwarded-For}
 *     (behind one reverse proxy that sets it) rather than the socket's peer
 */
public record HttpLimits(
    Duration idleTimeout,
    int ratePerSecond,
    int rateBurst,
    int authFailuresPerHour,
    int authFailuresPerHourPerAddress,
    boolean trustForwardedFor) {

  /** Longest request target (path and query, percent-encoded as sent); longer ones get 414. */
  public static final int MAX_REQUEST_TARGET = 8 * 1024;

  /** Bytes of request line and headers together; more get 431 (414 when the line is the cause). */
  public static final int MAX_REQUEST_HEADER_BYTES = 16 * 1024;

  /** Most query parameters in one request; more get 400. */
  public static final int MAX_QUERY_PARAMETERS = 100;

  /** Longest {@code name=value} pair of the query as sent; longer ones get 400. */
  public static final int MAX_QUERY_PARAMETER_LENGTH = 4 * 1024;

  /** Default {@link #idleTimeout}. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

  /** Default {@link #authFailuresPerHour}. */
  public static final int DEFAULT_AUTH_FAILURES_PER_HOUR = 100;

  /** Default {@link #authFailuresPerHourPerAddress}. */
  public static final int DEFAULT_AUTH_FAILURES_PER_HOUR_PER_ADDRESS = 1_000;

  public HttpLimits {
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idleTimeout must be positive: " + idleTimeout);
    }
    if (ratePerSecond < 0 || rateBurst < 0) {
      throw new IllegalArgumentException("ratePerSecond and rateBurst must be >= 0");
    }
    if (ratePerSecond > 0 && rateBurst < 1) {
      throw new IllegalArgumentException("rateBurst must be >= 1 when a rate is set");
    }
    if (authFailuresPerHour < 0 || authFailuresPerHourPerAddress < 0) {
      throw new IllegalArgumentException("auth failure limits must be >= 0");
    }
  }

  /** The defaults: 30 s idle timeout, no rate limit, 100 and 1000 auth failures an hour. */
  public static HttpLimits defaults() {
    return new HttpLimits(
        DEFAULT_IDLE_TIMEOUT,
        0,
        1,
        DEFAULT_AUTH_FAILURES_PER_HOUR,
        DEFAULT_AUTH_FAILURES_PER_HOUR_PER_ADDRESS,
        false);
  }
}
