package dev.recordingsindexer.api.http;

import static dev.recordingsindexer.api.http.TestServer.ACCOUNT;
import static dev.recordingsindexer.api.http.TestServer.OTHER_ACCOUNT;
import static dev.recordingsindexer.api.http.TestServer.TOKEN;
import static dev.recordingsindexer.api.http.TestServer.basic;
import static dev.recordingsindexer.api.http.TestServer.json;
import static dev.recordingsindexer.api.http.TestServer.recording;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recordingsindexer.schemas.TwilioSchemas;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiEdgesTest {

  private static final FakeRecordingQueries QUERIES = new FakeRecordingQueries();
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = new TestServer(QUERIES);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void reset() {
    QUERIES.reset();
    server.notReady.set(Optional.empty());
  }

  @Test
  void shouldFetchOneRecordingThatValidatesAgainstTwilioSchema() {
    QUERIES.add(recording(ACCOUNT, 7));

    HttpResponse<String> response = server.get("/v1/Recordings/" + sid(7));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
    JsonNode body = json(response);
    assertThat(TwilioSchemas.validateRecording(body)).isEmpty();
    assertThat(body.get("sid").asText()).isEqualTo(sid(7));
    assertThat(body.get("links").get("media").asText())
        .isEqualTo(server.base + "/v1/Recordings/" + sid(7) + "/Media");
  }

  @Test
  void shouldAnswer404ForUnknownMalformedOrAnotherAccountsRecording() {
    QUERIES.add(recording(OTHER_ACCOUNT, 8));

    for (String path :
        List.of(
            "/v1/Recordings/" + sid(9),
            "/v1/Recordings/" + sid(8),
            "/v1/Recordings/RT123",
            "/v1/Recordings/" + sid(8) + "/Media",
            "/v1/Nothing",
            "/nothing")) {
      HttpResponse<String> response = server.get(path);

      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertError(response, 404, 20404);
      assertThat(response.body()).doesNotContain(OTHER_ACCOUNT);
    }
  }

  @Test
  void shouldAnswer401WithAChallengeForMissingWrongOrMalformedCredentials() {
    List<Map<String, String>> attempts =
        List.of(
            Map.of(),
            Map.of("Authorization", basic(ACCOUNT, "wrong")),
            Map.of("Authorization", basic(ACCOUNT, TOKEN + "x")),
            Map.of("Authorization", basic(ACCOUNT, "")),
            Map.of("Authorization", basic("AC" + "3".repeat(32), TOKEN)),
            Map.of("Authorization", basic(OTHER_ACCOUNT, TOKEN)),
            Map.of("Authorization", "Basic !!!not-base64"),
            Map.of(
                "Authorization",
                "Basic "
                    + java.util.Base64.getEncoder()
                        .encodeToString(ACCOUNT.getBytes(java.nio.charset.StandardCharsets.UTF_8))),
            Map.of("Authorization", "Bearer " + TOKEN),
            Map.of("Authorization", "Basic"));
    for (String path : List.of("/v1/Recordings", "/v1/Recordings/" + sid(1), "/v1/Unknown")) {
      for (Map<String, String> headers : attempts) {
        HttpResponse<String> response = server.send("GET", path, headers);

        assertThat(response.statusCode()).as("%s %s", path, headers).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
            .hasValue("Basic realm=\"recordings-indexer\"");
        assertError(response, 401, 20003);
      }
    }
  }

  @Test
  void shouldAcceptTheSchemeNameInAnyCase() {
    HttpResponse<String> response =
        server.send(
            "GET",
            "/v1/Recordings",
            Map.of("Authorization", "bAsIc " + basic(ACCOUNT, TOKEN).substring(6)));

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void shouldAnswer405WithAllowForOtherMethodsOnKnownPaths() {
    for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
      for (String path : List.of("/v1/Recordings", "/v1/Recordings/" + sid(1), "/healthz")) {
        HttpResponse<String> response =
            server.send(method, path, Map.of("Authorization", basic(ACCOUNT, TOKEN)));

        assertThat(response.statusCode()).as("%s %s", method, path).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, OPTIONS");
        assertError(response, 405, 20004);
      }
    }
  }

  @Test
  void shouldAnswer503WithRetryAfterWhenTheAnswerCannotBeComplete() {
    QUERIES.unavailable(Duration.ofMillis(2500));

    for (String path : List.of("/v1/Recordings", "/v1/Recordings/" + sid(1))) {
      HttpResponse<String> response = server.get(path);

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
      assertError(response, 503, 20503);
    }
  }

  @Test
  void shouldAnswer500WithoutInternalDetail() {
    QUERIES.failWith(new IllegalStateException("secret internal detail at /var/lib/x"));

    HttpResponse<String> response = server.get("/v1/Recordings");

    assertThat(response.statusCode()).isEqualTo(500);
    assertError(response, 500, 20500);
    assertThat(response.body()).doesNotContain("secret").doesNotContain("IllegalState");
  }

  @Test
  void shouldAnswerPreflightOnAnyPathWithoutCredentials() {
    for (String path : List.of("/v1/Recordings", "/v1/Recordings/" + sid(1), "/anything/else")) {
      HttpResponse<String> response =
          server.send(
              "OPTIONS",
              path,
              Map.of(
                  "Origin", TestServer.ORIGIN,
                  "Access-Control-Request-Method", "GET",
                  "Access-Control-Request-Headers", "authorization"));

      assertThat(response.statusCode()).as(path).isEqualTo(204);
      assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
          .hasValue(TestServer.ORIGIN);
      assertThat(response.headers().firstValue("Access-Control-Allow-Methods"))
          .hasValue("GET, OPTIONS");
      assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElseThrow())
          .contains("Authorization");
      assertThat(response.headers().firstValue("Access-Control-Allow-Credentials"))
          .hasValue("true");
    }
  }

  @Test
  void shouldCarryCorsHeadersOnEveryResponseIncludingErrors() {
    Map<String, String> fromBrowser =
        Map.of("Origin", TestServer.ORIGIN, "Authorization", basic(ACCOUNT, TOKEN));
    for (HttpResponse<String> response :
        List.of(
            server.send("GET", "/v1/Recordings", fromBrowser),
            server.send("GET", "/v1/Recordings", Map.of("Origin", TestServer.ORIGIN)),
            server.send("GET", "/v1/Recordings?Status=x", fromBrowser),
            server.send("GET", "/healthz", fromBrowser))) {
      assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
          .hasValue(TestServer.ORIGIN);
      assertThat(response.headers().allValues("Vary")).contains("Origin");
      assertThat(response.headers().firstValue("Access-Control-Allow-Credentials"))
          .hasValue("true");
      assertThat(response.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
          .contains("Retry-After")
          .contains("WWW-Authenticate");
    }
  }

  @Test
  void shouldNotEchoAnOriginThatIsNotAllowed() {
    HttpResponse<String> response =
        server.send("GET", "/healthz", Map.of("Origin", "https://evil.example.com"));

    assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue(TestServer.ORIGIN);
  }

  @Test
  void shouldEchoAnyOriginWithCredentialsWhenStarIsConfigured() {
    try (TestServer open = new TestServer(QUERIES, List.of("*"), TestServer.SECRET)) {
      HttpResponse<String> browser =
          open.send("GET", "/healthz", Map.of("Origin", "https://any.example.org"));
      HttpResponse<String> noOrigin = open.send("GET", "/healthz", Map.of());

      assertThat(browser.headers().firstValue("Access-Control-Allow-Origin"))
          .hasValue("https://any.example.org");
      assertThat(browser.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
      assertThat(noOrigin.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
      assertThat(noOrigin.headers().firstValue("Access-Control-Allow-Credentials"))
          .hasValue("false");
    }
  }

  @Test
  void shouldRejectTokensIssuedUnderAnotherSecret() {
    QUERIES.add(recording(ACCOUNT, 1));
    QUERIES.add(recording(ACCOUNT, 2));
    String next;
    try (TestServer other =
        new TestServer(
            QUERIES,
            List.of("*"),
            "another-secret-of-enough-bytes!!".getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
      next = json(other.get("/v1/Recordings?PageSize=1")).get("meta").get("next_page_url").asText();
    }

    HttpResponse<String> response = server.get(next.substring(next.indexOf("/v1/")));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("message").asText()).startsWith("PageToken: ");
  }

  @Test
  void shouldServeOperationsEndpointsWithoutCredentials() {
    HttpResponse<String> health = server.send("GET", "/healthz", Map.of());
    HttpResponse<String> ready = server.send("GET", "/readyz", Map.of());
    server.notReady.set(Optional.of("stores restoring"));
    HttpResponse<String> notReady = server.send("GET", "/readyz", Map.of());

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(notReady.statusCode()).isEqualTo(503);
    assertThat(json(notReady).get("reason").asText()).isEqualTo("stores restoring");
    assertThat(notReady.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
  }

  @Test
  void shouldExposeRequestCountsAndQueryLatencyInPrometheusText() {
    server.get("/v1/Recordings");
    server.send("GET", "/v1/Recordings", Map.of());

    HttpResponse<String> metrics = server.send("GET", "/metrics", Map.of());

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
    assertThat(metrics.body())
        .containsPattern("http_requests_total\\{[^}]*route=\"/v1/Recordings\"[^}]*status=\"200\"")
        .containsPattern("http_requests_total\\{[^}]*route=\"/v1/Recordings\"[^}]*status=\"401\"")
        .containsPattern("recordings_query_seconds_bucket\\{[^}]*plan=\"fake\"");
  }

  private static void assertError(HttpResponse<String> response, int status, int code) {
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
    JsonNode error = json(response);
    assertThat(error.get("code").asInt()).isEqualTo(code);
    assertThat(error.get("status").asInt()).isEqualTo(status);
    assertThat(error.get("message").asText()).isNotBlank();
    assertThat(error.get("more_info").asText())
        .isEqualTo("https://www.twilio.com/docs/errors/" + code);
  }

  private static String sid(int n) {
    return String.format("RT%032x", n);
  }
}
