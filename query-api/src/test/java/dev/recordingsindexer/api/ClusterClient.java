package dev.recordingsindexer.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The HTTP client of the cluster tests: GETs with one account's Basic credentials and a timeout, so
 * that a hanging instance fails a test instead of blocking it. Thread-safe.
 */
final class ClusterClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String token;
  private final Duration timeout;

  /**
   * @param token the auth token every test account shares
   * @param timeout how long one request may take before the call fails
   */
  ClusterClient(String token, Duration timeout) {
    this.token = token;
    this.timeout = timeout;
  }

  /**
   * One answer, whatever its status.
   *
   * @param retryAfter the {@code Retry-After} header, when present
   * @param body the parsed JSON body, or null when the body is not JSON
   */
  record Answer(String url, int status, Optional<String> retryAfter, JsonNode body, String text) {

    boolean isComplete() {
      return status == 200;
    }

    /** Whether this is a 503 that tells the client when to come back. */
    boolean isUnavailableWithRetryAfter() {
      return status == 503 && retryAfter.filter(v -> !v.isBlank()).isPresent();
    }
  }

  /**
   * GETs {@code url} as {@code account}.
   *
   * @throws AssertionError when the request cannot be sent or times out
   */
  Answer get(String url, String account) {
    String auth =
        Base64.getEncoder()
            .encodeToString((account + ":" + token).getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(timeout)
            .header("Authorization", "Basic " + auth)
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(
          url,
          response.statusCode(),
          response.headers().firstValue("Retry-After"),
          parse(response.body()),
          response.body());
    } catch (IOException e) {
      throw new AssertionError("GET " + url + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted during GET " + url, e);
    }
  }

  /** The same URL on the instance listening on {@code port} of the loopback interface. */
  static String onPort(String url, int port) {
    URI uri = URI.create(url);
    try {
      return new URI(uri.getScheme(), null, "127.0.0.1", port, uri.getPath(), null, null).toString()
          + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("cannot move " + url + " to port " + port, e);
    }
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }
}
