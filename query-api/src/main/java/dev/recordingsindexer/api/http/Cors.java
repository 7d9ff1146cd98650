package dev.recordingsindexer.api.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.Objects;

/**
 * Adds the CORS headers to every response. A request {@code Origin} that is allowed (listed, or
 * {@code "*"} configured) is echoed with {@code Vary: Origin} and credentials allowed, since
 * browsers refuse credentials with a literal {@code *}; a request without {@code Origin} (not a
 * browser's cross-origin call) gets {@code *} when configured, else the first configured origin; a
 * disallowed origin gets the first configured origin, which the browser will not match.
 */
final class Cors {

  static final String ALLOWED_METHODS = "GET, OPTIONS";
  private static final String ALLOWED_HEADERS =
      "Authorization, Content-Type, Accept, Origin, X-Requested-With";
  private static final String EXPOSED_HEADERS =
      "Retry-After, WWW-Authenticate, Allow, Content-Type, Content-Length";
  private static final String ANY = "*";
  private static final String PREFLIGHT_MAX_AGE_SECONDS = "600";

  private final List<String> allowedOrigins;
  private final boolean anyOrigin;

  Cors(List<String> allowedOrigins) {
    this.allowedOrigins = List.copyOf(Objects.requireNonNull(allowedOrigins, "allowedOrigins"));
    this.anyOrigin = this.allowedOrigins.contains(ANY);
  }

  /** Sets the headers every response carries. */
  void apply(Context ctx) {
    String origin = ctx.header("Origin");
    boolean echo = origin != null && (anyOrigin || allowedOrigins.contains(origin));
    String allowOrigin;
    if (echo) {
      allowOrigin = origin;
    } else if (origin == null && anyOrigin) {
      allowOrigin = ANY;
    } else {
      allowOrigin = allowedOrigins.get(0);
    }
    ctx.header("Access-Control-Allow-Origin", allowOrigin);
    if (origin != null || !anyOrigin) {
      ctx.header("Vary", "Origin");
    }
    ctx.header("Access-Control-Allow-Credentials", Boolean.toString(!ANY.equals(allowOrigin)));
    ctx.header("Access-Control-Allow-Methods", ALLOWED_METHODS);
    ctx.header("Access-Control-Allow-Headers", ALLOWED_HEADERS);
    ctx.header("Access-Control-Expose-Headers", EXPOSED_HEADERS);
  }

  /** Adds what only a preflight answer carries. */
  void preflight(Context ctx) {
    ctx.header("Access-Control-Max-Age", PREFLIGHT_MAX_AGE_SECONDS);
  }
}
