package dev.recordingsindexer.api.http;

import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The operator's endpoints, open without credentials: {@code /healthz} (the process answers),
 * {@code /readyz} (200 only when {@link Readiness} says so, else 503 with the reason) and {@code
 * /metrics} (Prometheus text format).
 */
final class OperationsRoutes {

  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
  private static final String NOT_READY_RETRY_SECONDS = "5";

  private final Readiness readiness;
  private final PrometheusMeterRegistry registry;

  OperationsRoutes(Readiness readiness, PrometheusMeterRegistry registry) {
    this.readiness = Objects.requireNonNull(readiness, "readiness");
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  void health(Context ctx) {
    ctx.contentType("application/json").result(JsonBodies.fields(Map.of("status", "ok")));
  }

  void ready(Context ctx) {
    Optional<String> why = readiness.whyNotReady();
    Map<String, String> body = new LinkedHashMap<>();
    if (why.isEmpty()) {
      body.put("status", "ready");
    } else {
      body.put("status", "not ready");
      body.put("reason", why.get());
      ctx.status(503).header("Retry-After", NOT_READY_RETRY_SECONDS);
    }
    ctx.contentType("application/json").result(JsonBodies.fields(body));
  }

  void metrics(Context ctx) {
    ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape());
  }
}
