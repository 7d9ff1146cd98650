package dev.recordingsindexer.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Failures inside a handler answer Twilio's generic 500 with a request id, never their detail. */
class FailureAnswersTest {

  private static final PrometheusMeterRegistry REGISTRY =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static ApiServer server;
  private static String base;

  @BeforeAll
  static void start() {
    server =
        new ApiServer(
            new ApiSettings(0, null, List.of("*"), TestServer.SECRET),
            new FakeRecordingQueries(),
            Accounts.of(Map.of()),
            Optional::empty,
            REGISTRY,
            routes -> {
              routes.get(
                  "/fails/exception",
                  ctx -> {
                    throw new IllegalStateException("secret detail in /var/lib/x");
                  });
              routes.get(
                  "/fails/error",
                  ctx -> {
                    throw new AssertionError("secret detail in /var/lib/x");
                  });
            });
    base = "http://localhost:" + server.start();
  }

  @AfterAll
  static void stop() {
    server.close();
    REGISTRY.close();
  }

  @Test
  void shouldAnswerAnExceptionWithAGeneric500CarryingARequestId() throws Exception {
    assertGeneric500(get("/fails/exception"));
  }

  @Test
  void shouldAnswerAnErrorWithAGeneric500CarryingARequestId() throws Exception {
    assertGeneric500(get("/fails/error"));
  }

  private static void assertGeneric500(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
    assertThat(response.headers().firstValue("Twilio-Request-Id").orElseThrow())
        .matches("RQ[0-9a-f]{32}");
    assertThat(response.body())
        .isEqualTo(
            "{\"code\":20500,\"message\":\"An internal server error occurred\","
                + "\"more_info\":\"https://www.twilio.com/docs/errors/20500\",\"status\":500}");
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
