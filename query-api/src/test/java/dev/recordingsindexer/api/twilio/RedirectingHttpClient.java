package dev.recordingsindexer.api.twilio;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Twilio's own network client, with one change: every request the SDK builds (for {@code
 * https://video.twilio.com}, or for whatever absolute {@code next_page_url} it follows) goes to
 * {@code target} instead, path and query untouched. Everything else (query encoding, Basic auth,
 * headers, the Apache HTTP client, response handling) is the SDK's. Each request is recorded.
 */
final class RedirectingHttpClient extends NetworkHttpClient implements AutoCloseable {

  /** One request as the SDK built it and as it was sent. */
  record Sent(String sdkUrl, Map<String, List<String>> sdkQuery, String sentUrl) {}

  private final String target;
  private final List<Sent> sent = new CopyOnWriteArrayList<>();

  /**
   * @param target scheme and authority to send to, e.g. {@code http://127.0.0.1:4567}
   */
  RedirectingHttpClient(String target) {
    this.target = target;
  }

  @Override
  public Response makeRequest(Request request) {
    Request redirected = new Request(request.getMethod(), redirect(request.getUrl()));
    request
        .getQueryParams()
        .forEach((name, values) -> values.forEach(v -> redirected.addQueryParam(name, v)));
    request
        .getHeaderParams()
        .forEach((name, values) -> values.forEach(v -> redirected.addHeaderParam(name, v)));
    if (request.getAuthStrategy() != null) {
      redirected.setAuth(request.getAuthStrategy());
    } else if (request.getUsername() != null) {
      redirected.setAuth(request.getUsername(), request.getPassword());
    }
    sent.add(
        new Sent(
            request.getUrl(),
            Map.copyOf(request.getQueryParams()),
            redirected.constructURL().toString()));
    return super.makeRequest(redirected);
  }

  /** Every request so far, oldest first. */
  List<Sent> sent() {
    return List.copyOf(sent);
  }

  void forget() {
    sent.clear();
  }

  private String redirect(String url) {
    int authority = url.indexOf("://") + 3;
    int path = url.indexOf('/', authority);
    return target + (path < 0 ? "" : url.substring(path));
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
