package dev.recordingsindexer.api.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** Sends one request and keeps the whole answer (status, body, headers) for searching. */
final class HttpProbe {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private HttpProbe() {}

  /** One answer, with the request that got it. */
  record Answer(String method, String url, int status, String body, String headers) {

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }
  }

  /** Sends {@code method url} with {@code headers}; a POST carries a small JSON body. */
  static Answer send(String method, String url, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                method.equals("POST")
                    ? HttpRequest.BodyPublishers.ofString("{\"partition\": \"nope\"}")
                    : HttpRequest.BodyPublishers.noBody());
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(
          method, url, response.statusCode(), response.body(), response.headers().map().toString());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + url, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** An {@code Authorization} header value for HTTP Basic. */
  static String basic(String user, String password) {
    return "Basic " + basicCredentials(user, password);
  }

  /** The base64 part of a Basic header, which carries the password as plainly as the password. */
  static String basicCredentials(String user, String password) {
    return Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
