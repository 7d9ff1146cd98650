package dev.recordingsindexer.api.http;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
      "Retry-After, WWW-Authenticate, Allow, Content-Type, Content-Length, "
          + ErrorResponses.REQUEST_ID_HEADER;
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
    headers(ctx.header("Origin")).forEach(ctx::header);
  }

  /** The headers every response carries, for a request with this {@code Origin} (or null). */
  Map<String, String> headers(String origin) {
    boolean echo = origin != null && (anyOrigin || allowedOrigins.contains(origin));
    String allowOrigin;
    if (echo) {
      allowOrigin = origin;
    } else if (origin == null && anyOrigin) {
      allowOrigin = ANY;
    } else {
      allowOrigin = allowedOrigins.get(0);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Access-Control-Allow-Origin", allowOrigin);
    if (origin != null || !anyOrigin) {
      headers.put("Vary", "Origin");
    }
    headers.put("Access-Control-Allow-Credentials", Boolean.toString(!ANY.equals(allowOrigin)));
    headers.put("Access-Control-Allow-Methods", ALLOWED_METHODS);
    headers.put("Access-Control-Allow-Headers", ALLOWED_HEADERS);
    headers.put("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    return headers;
  }

  /** Adds what only a preflight answer carries. */
  void preflight(Context ctx) {
    ctx.header("Access-Control-Max-Age", PREFLIGHT_MAX_AGE_SECONDS);
  }
}
