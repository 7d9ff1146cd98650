package dev.recordingsindexer.api.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * GETs with a timeout that never throw: a refused, reset or timed-out request is an answer with
 * status -1, because in a fault drill an instance that does not answer is an outcome to assert on.
 * Thread-safe.
 */
final class ApiClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private final Duration timeout;

  ApiClient(Duration timeout) {
    this.timeout = timeout;
  }

  /**
   * One answer.
   *
   * @param status the HTTP status, or -1 when no answer came (then {@code text} says why)
   * @param body the parsed JSON body, or null when the body is not JSON
   */
  record Answer(String url, int status, Optional<String> retryAfter, JsonNode body, String text) {

    /** Whether this is a 503 that tells the client when to come back. */
    boolean isUnavailableWithRetryAfter() {
      return status == 503 && retryAfter.filter(v -> !v.isBlank()).isPresent();
    }

    @Override
    public String toString() {
      String shown = text.length() > 300 ? text.substring(0, 300) + "..." : text;
      return "GET " + url + " -> " + status + " " + shown;
    }
  }

  /** GETs {@code url}, as {@code account} (with {@link Deployment#TOKEN}) unless it is null. */
  Answer get(String url, String account) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
    if (account != null) {
      String credentials = account + ":" + Deployment.TOKEN;
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(
          url,
          response.statusCode(),
          response.headers().firstValue("Retry-After"),
          parse(response.body()),
          response.body());
    } catch (IOException e) {
      return new Answer(url, -1, Optional.empty(), null, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(url, -1, Optional.empty(), null, "interrupted");
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
