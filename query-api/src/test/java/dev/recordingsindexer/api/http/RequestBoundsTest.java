package dev.recordingsindexer.api.http;

import static dev.recordingsindexer.api.http.TestServer.ACCOUNT;
import static dev.recordingsindexer.api.http.TestServer.ORIGIN;
import static dev.recordingsindexer.api.http.TestServer.TOKEN;
import static dev.recordingsindexer.api.http.TestServer.basic;
import static dev.recordingsindexer.api.http.TestServer.body;
import static dev.recordingsindexer.api.http.TestServer.header;
import static dev.recordingsindexer.api.http.TestServer.rawGet;
import static dev.recordingsindexer.api.http.TestServer.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The size bounds of {@link HttpLimits}, and Jetty's own errors, as Twilio's JSON. */
class RequestBoundsTest {

  private static final String AUTH = "Authorization: " + basic(ACCOUNT, TOKEN);
  private static final String FROM_BROWSER = "Origin: " + ORIGIN;
  private static final ObjectMapper JSON = new ObjectMapper();

  private static TestServer server;

  @BeforeAll
  static void start() {
    server = new TestServer(new FakeRecordingQueries());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void shouldAnswer414ForA10KilobyteUri() {
    String answer = send(rawGet("/v1/Recordings?Status=" + "x".repeat(10_000), AUTH, FROM_BROWSER));

    assertTwilioError(answer, 414, 20001);
    assertThat(message(answer)).contains("8192");
    assertThat(header(answer, "Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
  }

  @Test
  void shouldAnswer414ForARequestLineBeyondTheHeaderBound() {
    String answer = send(rawGet("/v1/Recordings?Status=" + "x".repeat(20_000), AUTH));

    assertTwilioError(answer, 414, 20001);
  }

  @Test
  void shouldAcceptAUriJustWithinTheBound() {
    String target = "/v1/Recordings?a=" + "y".repeat(4_000) + "&b=" + "z".repeat(4_000) + "&c=";
    target += "w".repeat(HttpLimits.MAX_REQUEST_TARGET - target.length());

    String answer = send(rawGet(target, AUTH));

    assertThat(status(answer)).isEqualTo(200);
  }

  @Test
  void shouldAnswer431ForA20KilobyteHeader() {
    String answer =
        send(rawGet("/v1/Recordings", AUTH, FROM_BROWSER, "X-Big: " + "b".repeat(20_000)));

    assertTwilioError(answer, 431, 20001);
    assertThat(message(answer)).contains("16384");
    assertThat(header(answer, "Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
  }

  @Test
  void shouldAnswer400ForTooManyQueryParameters() {
    StringBuilder query = new StringBuilder("/v1/Recordings?PageSize=5");
    for (int i = 1; i <= HttpLimits.MAX_QUERY_PARAMETERS; i++) {
      query.append("&p").append(i).append('=').append(i);
    }

    String answer = send(rawGet(query.toString(), AUTH));

    assertTwilioError(answer, 400, 20001);
    assertThat(message(answer)).isEqualTo("Too many query parameters: at most 100");
  }

  @Test
  void shouldAcceptAHundredQueryParameters() {
    StringBuilder query = new StringBuilder("/v1/Recordings?PageSize=5");
    for (int i = 2; i <= HttpLimits.MAX_QUERY_PARAMETERS; i++) {
      query.append("&p").append(i).append('=').append(i);
    }

    assertThat(status(send(rawGet(query.toString(), AUTH)))).isEqualTo(200);
  }

  @Test
  void shouldAnswer400NamingAParameterLongerThan4Kilobytes() {
    String answer = send(rawGet("/v1/Recordings?PageToken=" + "t".repeat(5_000), AUTH));

    assertTwilioError(answer, 400, 20001);
    assertThat(message(answer)).isEqualTo("PageToken: longer than 4096 characters");
  }

  @Test
  void shouldAnswer400ForMoreGroupingSidsThanALinkCouldCarry() {
    StringBuilder query = new StringBuilder("/v1/Recordings?PageSize=5");
    for (int i = 0; i <= ListParameters.MAX_GROUPING_SIDS; i++) {
      query.append("&GroupingSid=").append(String.format("RM%032x", i));
    }

    String answer = send(rawGet(query.toString(), AUTH));

    assertTwilioError(answer, 400, 20001);
    assertThat(message(answer)).isEqualTo("GroupingSid: at most 50 values");
  }

  @Test
  void shouldAnswerMalformedOrAmbiguousUrisWithTwilioJsonNeverHtml() {
    for (String target :
        List.of(
            "/v1/Recordings/%ZZ",
            "/v1/Recordings/%2e%2e/x",
            "/v1/Recordings/..%2F..%2Fetc",
            "/../../etc/passwd",
            "/v1/Recordings/%00",
            "/v1/Recordings/%C0%AE",
            "/v1/Recordings?Status=%ZZ",
            "/v1/%2F%2F/Recordings")) {
      String answer = send(rawGet(target, AUTH, FROM_BROWSER));

      assertThat(status(answer)).as(target).isIn(400, 404);
      assertTwilioError(answer, status(answer), status(answer) == 404 ? 20404 : 20001);
      assertThat(header(answer, "Access-Control-Allow-Origin")).as(target).isEqualTo(ORIGIN);
    }
  }

  @Test
  void shouldAnswerJettysOwnRejectionsWithTwilioJson() {
    List<String> requests =
        List.of(
            "GARBAGE\r\n\r\n",
            "GET /v1/Recordings HTTP/1.1\r\nConnection: close\r\n\r\n",
            "GET /v1/Recordings HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                + "Content-Length: 5\r\nConnection: close\r\n\r\n0\r\n\r\n",
            "GET /v1/Recordings HTTP/1.1\r\nHost: x\r\nBad Header\r\nConnection: close\r\n\r\n",
            "GET /v1/Recordings HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n");
    for (String request : requests) {
      String answer = send(request);

      assertThat(status(answer)).as(request).isIn(400, 505);
      assertTwilioError(answer, status(answer), status(answer) == 400 ? 20001 : 20500);
    }
  }

  @Test
  void shouldIgnoreABodySentWithAGet() {
    String answer =
        send(
            "GET /v1/Recordings HTTP/1.1\r\nHost: x\r\n"
                + AUTH
                + "\r\nContent-Length: 11\r\nConnection: close\r\n\r\nhello world");

    assertThat(status(answer)).isEqualTo(200);
  }

  @Test
  void shouldStillAnswer404And405UnderTheErrorHandler() {
    assertTwilioError(send(rawGet("/nothing/here", AUTH)), 404, 20404);
    assertTwilioError(send(rawGet("/v1/Recordings/RT123", AUTH)), 404, 20404);
    String post =
        send(
            "POST /v1/Recordings HTTP/1.1\r\nHost: x\r\n"
                + AUTH
                + "\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
    assertTwilioError(post, 405, 20004);
    assertThat(header(post, "Allow")).isEqualTo("GET, OPTIONS");
  }

  @Test
  void shouldCountWhatJettyAnswersInTheMetrics() {
    send(rawGet("/v1/Recordings", AUTH, "X-Big: " + "b".repeat(20_000)));

    assertThat(server.send("GET", "/metrics", java.util.Map.of()).body())
        .containsPattern("http_requests_total\\{[^}]*status=\"431\"");
  }

  private static String send(String request) {
    return server.rawFrom(null, request);
  }

  private static String message(String answer) {
    return json(answer).get("message").asText();
  }

  static void assertTwilioError(String answer, int status, int code) {
    assertThat(status(answer)).as(answer).isEqualTo(status);
    assertThat(header(answer, "Content-Type")).startsWith("application/json");
    JsonNode error = json(answer);
    assertThat(error.get("code").asInt()).isEqualTo(code);
    assertThat(error.get("status").asInt()).isEqualTo(status);
    assertThat(error.get("message").asText()).isNotBlank();
    assertThat(error.get("more_info").asText())
        .isEqualTo("https://www.twilio.com/docs/errors/" + code);
    assertThat(error.size()).isEqualTo(4);
    assertNoInternals(body(answer));
  }

  static void assertNoInternals(String body) {
    assertThat(body)
        .doesNotContainIgnoringCase("exception")
        .doesNotContain("at dev.")
        .doesNotContainIgnoringCase("jetty")
        .doesNotContainIgnoringCase("javalin")
        .doesNotContainIgnoringCase("<html");
  }

  static JsonNode json(String answer) {
    try {
      return JSON.readTree(body(answer));
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + answer, e);
    }
  }
}
