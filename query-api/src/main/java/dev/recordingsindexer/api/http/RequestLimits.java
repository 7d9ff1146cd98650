package dev.recordingsindexer.api.http;

import io.javalin.http.Context;

/**
 * Checks the size bounds of {@link HttpLimits} that Jetty does not check itself, before
 * authentication and routing: the length of the request target (414) and the number and length of
 * query parameters (400). Lengths are counted as sent, percent-encoded.
 */
final class RequestLimits {

  private static final int NAME_SHOWN = 40;

  private RequestLimits() {}

  /**
   * @throws ApiException 414 for a request target over {@link HttpLimits#MAX_REQUEST_TARGET}
   *     characters, 400 for too many or too long query parameters
   */
  static void check(Context ctx) {
    String path = ctx.req().getRequestURI();
    String query = ctx.queryString();
    int target = (path == null ? 0 : path.length()) + (query == null ? 0 : query.length() + 1);
    if (target > HttpLimits.MAX_REQUEST_TARGET) {
      throw ApiException.uriTooLong(HttpLimits.MAX_REQUEST_TARGET);
    }
    if (query == null || query.isEmpty()) {
      return;
    }
    int count = 0;
    int start = 0;
    while (start <= query.length()) {
      int end = query.indexOf('&', start);
      if (end < 0) {
        end = query.length();
      }
      if (end > start) {
        count++;
        if (count > HttpLimits.MAX_QUERY_PARAMETERS) {
          throw ApiException.badRequest(
              "Too many query parameters: at most " + HttpLimits.MAX_QUERY_PARAMETERS);
        }
        if (end - start > HttpLimits.MAX_QUERY_PARAMETER_LENGTH) {
          throw ApiException.badParameter(
              name(query.substring(start, end)),
              "longer than " + HttpLimits.MAX_QUERY_PARAMETER_LENGTH + " characters");
        }
      }
      start = end + 1;
    }
  }

  private static String name(String pair) {
    int eq = pair.indexOf('=');
    String name = eq < 0 ? pair : pair.substring(0, eq);
    return name.length() > NAME_SHOWN ? name.substring(0, NAME_SHOWN) + "..." : name;
  }
}
