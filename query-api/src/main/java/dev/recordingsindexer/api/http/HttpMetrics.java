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
 * The HTTP layer's meters: {@code http_requests_total} by route template, method and status, and
 * {@code recordings_query_seconds}, a latency histogram of the read facade tagged by query plan
 * ({@code fetch} for single lookups). Routes are templates, never raw paths, so the number of
 * series stays bounded.
 */
final class HttpMetrics {

  static final String LIST_ROUTE = "/v1/Recordings";
  static final String FETCH_ROUTE = "/v1/Recordings/{Sid}";

  private final MeterRegistry registry;

  HttpMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /** Counts one answered request. */
  void countRequest(Context ctx) {
    Counter.builder("http.requests")
        .description("HTTP requests answered, by route template, method and status")
        .tag("route", route(ctx.path()))
        .tag("method", method(ctx.method()))
        .tag("status", Integer.toString(ctx.statusCode()))
        .register(registry)
        .increment();
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

  private static String method(HandlerType method) {
    return HandlerType.commonHttp().contains(method) ? method.name() : "other";
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
