package dev.recordingsindexer.api.http;

import dev.recordingsindexer.indexer.query.ListPage;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The HTTP layer's meters: {@code http_requests_total} by route template, method and status
 * (including what Jetty answers before routing), {@code http_rate_limited_total} by reason ({@code
 * account}, {@code auth_failures}; both present from the start), and {@code
 * recordings_query_seconds}, a latency histogram of the read facade tagged by query plan ({@code
 * fetch} for single lookups). Routes are templates, never raw paths, so the number of series stays
 * bounded.
 */
final class HttpMetrics {

  static final String LIST_ROUTE = "/v1/Recordings";
  static final String FETCH_ROUTE = "/v1/Recordings/{Sid}";

  private final MeterRegistry registry;

  HttpMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
    rateLimitedCounter("account");
    rateLimitedCounter("auth_failures");
  }

  /** Counts one answered request. */
  void countRequest(Context ctx) {
    countRequest(ctx.path(), ctx.method().name(), ctx.statusCode());
  }

  /** Counts one request answered outside the routes (by {@link JettyErrors}). */
  void countRequest(String path, String method, int status) {
    Counter.builder("http.requests")
        .description("HTTP requests answered, by route template, method and status")
        .tag("route", route(path == null ? "" : path))
        .tag("method", method(method))
        .tag("status", Integer.toString(status))
        .register(registry)
        .increment();
  }

  /**
   * Counts one request refused with 429: {@code reason} is {@code account} (the account's rate) or
   * {@code auth_failures} (too many failed authentications).
   */
  void rateLimited(String reason) {
    rateLimitedCounter(reason).increment();
  }

  private Counter rateLimitedCounter(String reason) {
    return Counter.builder("http.rate.limited")
        .description("Requests refused with 429, by reason: account rate or auth failures")
        .tag("reason", reason)
        .register(registry);
  }

  /** Runs a list query, timing it under the plan it used. */
  ListPage timeList(Supplier<ListPage> query) {
    Timer.Sample sample = Timer.start(registry);
    ListPage page = query.get();
    sample.stop(queryTimer(page.plan()));
    return page;
  }

  /** Runs a single lookup, timing it under the plan {@code fetch}. */
  <T> T timeFetch(Supplier<T> query) {
    return queryTimer("fetch").record(query);
  }

  private Timer queryTimer(String plan) {
    return Timer.builder("recordings.query")
        .description("Latency of the recordings read facade, by query plan")
        .tag("plan", plan)
        .publishPercentileHistogram()
        .register(registry);
  }

  private static String method(String method) {
    return HandlerType.commonHttp().stream().anyMatch(m -> m.name().equals(method))
        ? method
        : "other";
  }

  private static String route(String path) {
    String trimmed =
        path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    if (trimmed.equals(LIST_ROUTE)) {
      return LIST_ROUTE;
    }
    if (trimmed.startsWith(LIST_ROUTE + "/") && trimmed.indexOf('/', LIST_ROUTE.length() + 1) < 0) {
      return FETCH_ROUTE;
    }
    if (trimmed.equals("/healthz") || trimmed.equals("/readyz") || trimmed.equals("/metrics")) {
      return trimmed;
    }
    return "other";
  }
}
