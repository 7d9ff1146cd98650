package dev.recordingsindexer.api.http;

import static dev.recordingsindexer.api.http.RequestBoundsTest.assertTwilioError;
import static dev.recordingsindexer.api.http.TestServer.ACCOUNT;
import static dev.recordingsindexer.api.http.TestServer.ORIGIN;
import static dev.recordingsindexer.api.http.TestServer.OTHER_ACCOUNT;
import static dev.recordingsindexer.api.http.TestServer.OTHER_TOKEN;
import static dev.recordingsindexer.api.http.TestServer.TOKEN;
import static dev.recordingsindexer.api.http.TestServer.basic;
import static dev.recordingsindexer.api.http.TestServer.header;
import static dev.recordingsindexer.api.http.TestServer.rawGet;
import static dev.recordingsindexer.api.http.TestServer.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The per-account rate limit and the failed-authentication throttle, over HTTP. Linux routes all of
 * 127.0.0.0/8 to the loopback interface, so requests sent from 127.0.0.2 come from a second client
 * address.
 */
class RateLimitsTest {

  private static final InetAddress ATTACKER = address("127.0.0.1");
  private static final InetAddress OWNER = address("127.0.0.2");
  private static final String LIST = "/v1/Recordings";
  private static final long SECOND = 1_000_000_000L;

  private final List<TestServer> servers = new ArrayList<>();

  @AfterEach
  void stop() {
    servers.forEach(TestServer::close);
  }

  @Test
  void shouldAnswer429WithRetryAfterOnceAnAccountSpentItsBurst() {
    TestServer server = start(limits(1, 3, 100, 1_000, false));
    for (int i = 0; i < 3; i++) {
      assertThat(status(get(server, ATTACKER, ACCOUNT, TOKEN))).isEqualTo(200);
    }

    String refused =
        server.rawFrom(ATTACKER, rawGet(LIST, auth(ACCOUNT, TOKEN), "Origin: " + ORIGIN));

    assertTwilioError(refused, 429, 20429);
    assertThat(header(refused, "Retry-After")).isEqualTo("1");
    assertThat(RequestBoundsTest.json(refused).get("message").asText())
        .startsWith("Too Many Requests");
    assertThat(header(refused, "Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
    assertThat(status(get(server, ATTACKER, OTHER_ACCOUNT, OTHER_TOKEN)))
        .as("another account has its own rate")
        .isEqualTo(200);
    assertThat(metrics(server))
        .containsPattern("http_rate_limited_total\\{reason=\"account\"} 1\\.0");

    server.nanoTime.addAndGet(SECOND);
    assertThat(status(get(server, ATTACKER, ACCOUNT, TOKEN))).isEqualTo(200);
  }

  @Test
  void shouldSpendTheRateOnlyForAuthenticatedRequestsUnderV1() {
    TestServer server = start(limits(1, 2, 100, 1_000, false));
    for (int i = 0; i < 5; i++) {
      assertThat(status(get(server, ATTACKER, ACCOUNT, "wrong"))).isEqualTo(401);
      assertThat(server.send("GET", "/healthz", Map.of()).statusCode()).isEqualTo(200);
    }

    assertThat(status(get(server, ATTACKER, ACCOUNT, TOKEN))).isEqualTo(200);
    assertThat(status(get(server, ATTACKER, ACCOUNT, TOKEN))).isEqualTo(200);
    assertThat(status(get(server, ATTACKER, ACCOUNT, TOKEN))).isEqualTo(429);
  }

  @Test
  void shouldNotLimitTheRateByDefault() {
    TestServer server = start(HttpLimits.defaults());

    for (int i = 0; i < 30; i++) {
      assertThat(status(get(server, ATTACKER, ACCOUNT, TOKEN))).isEqualTo(200);
    }
    assertThat(metrics(server))
        .containsPattern("http_rate_limited_total\\{reason=\"account\"} 0\\.0");
  }

  @Test
  void shouldThrottleAnAccountFromTheFailingAddressWithoutCheckingTheToken() {
    TestServer server = start(limits(0, 0, 3, 1_000, false));
    for (int i = 0; i < 3; i++) {
      assertThat(status(get(server, ATTACKER, ACCOUNT, "guess-" + i))).isEqualTo(401);
    }

    String refused = get(server, ATTACKER, ACCOUNT, TOKEN);

    assertTwilioError(refused, 429, 20429);
    assertThat(header(refused, "Retry-After")).as("an hour / 3").isEqualTo("1200");
    assertThat(header(refused, "WWW-Authenticate")).isNull();
    assertThat(metrics(server))
        .containsPattern("http_rate_limited_total\\{reason=\"auth_failures\"} 1\\.0");
  }

  @Test
  void shouldLetTheOwnerInFromAnotherAddressWhileTheAttackerIsThrottled() {
    TestServer server = start(limits(0, 0, 3, 1_000, false));
    for (int i = 0; i < 10; i++) {
      get(server, ATTACKER, ACCOUNT, "guess-" + i);
    }

    assertThat(status(get(server, OWNER, ACCOUNT, TOKEN))).isEqualTo(200);
    assertThat(status(get(server, OWNER, ACCOUNT, "typo"))).isEqualTo(401);
    assertThat(status(get(server, OWNER, ACCOUNT, TOKEN))).isEqualTo(200);
    assertThat(status(get(server, ATTACKER, OTHER_ACCOUNT, OTHER_TOKEN)))
        .as("the failing address may still use other accounts")
        .isEqualTo(200);
    assertThat(status(get(server, ATTACKER, ACCOUNT, TOKEN))).isEqualTo(429);
  }

  @Test
  void shouldThrottleAnAddressSprayingManyAccounts() {
    TestServer server = start(limits(0, 0, 100, 3, false));
    for (int i = 0; i < 3; i++) {
      assertThat(status(get(server, ATTACKER, String.format("AC%032x", i), "guess")))
          .isEqualTo(401);
    }

    assertThat(status(get(server, ATTACKER, ACCOUNT, TOKEN))).isEqualTo(429);
    assertThat(status(get(server, OWNER, ACCOUNT, TOKEN))).isEqualTo(200);
  }

  @Test
  void shouldLetTheThrottledAddressTryAgainAfterRetryAfter() {
    TestServer server = start(limits(0, 0, 3, 1_000, false));
    for (int i = 0; i < 3; i++) {
      get(server, ATTACKER, ACCOUNT, "guess-" + i);
    }
    assertThat(status(get(server, ATTACKER, ACCOUNT, TOKEN))).isEqualTo(429);

    server.nanoTime.addAndGet(1_200 * SECOND);

    assertThat(status(get(server, ATTACKER, ACCOUNT, TOKEN))).isEqualTo(200);
  }

  @Test
  void shouldNotCountRequestsWithoutCredentials() {
    TestServer server = start(limits(0, 0, 3, 3, false));
    for (int i = 0; i < 10; i++) {
      assertThat(status(server.rawFrom(ATTACKER, rawGet(LIST)))).isEqualTo(401);
    }

    assertThat(status(get(server, ATTACKER, ACCOUNT, TOKEN))).isEqualTo(200);
  }

  @Test
  void shouldIgnoreXForwardedForUnlessTrusted() {
    TestServer server = start(limits(0, 0, 3, 1_000, false));
    for (int i = 0; i < 3; i++) {
      server.rawFrom(
          ATTACKER, rawGet(LIST, auth(ACCOUNT, "guess"), "X-Forwarded-For: 192.0.2." + i));
    }

    String answer =
        server.rawFrom(ATTACKER, rawGet(LIST, auth(ACCOUNT, TOKEN), "X-Forwarded-For: 192.0.2.99"));

    assertThat(status(answer)).isEqualTo(429);
  }

  @Test
  void shouldCountTheLastXForwardedForEntryWhenTrusted() {
    TestServer server = start(limits(0, 0, 3, 1_000, true));
    for (int i = 0; i < 3; i++) {
      server.rawFrom(
          ATTACKER,
          rawGet(LIST, auth(ACCOUNT, "guess"), "X-Forwarded-For: 10.9.9." + i + ", 192.0.2.1"));
    }

    String fromAttacker =
        server.rawFrom(ATTACKER, rawGet(LIST, auth(ACCOUNT, TOKEN), "X-Forwarded-For: 192.0.2.1"));
    String fromOwner =
        server.rawFrom(
            ATTACKER, rawGet(LIST, auth(ACCOUNT, TOKEN), "X-Forwarded-For: 192.0.2.1, 192.0.2.7"));

    assertThat(status(fromAttacker)).isEqualTo(429);
    assertThat(status(fromOwner)).isEqualTo(200);
  }

  private TestServer start(HttpLimits limits) {
    TestServer server = new TestServer(new FakeRecordingQueries(), limits);
    servers.add(server);
    return server;
  }

  private static HttpLimits limits(
      int perSecond, int burst, int failuresPerHour, int failuresPerAddress, boolean trust) {
    return new HttpLimits(
        Duration.ofSeconds(30), perSecond, burst, failuresPerHour, failuresPerAddress, trust);
  }

  private static String get(TestServer server, InetAddress from, String account, String token) {
    return server.rawFrom(from, rawGet(LIST, auth(account, token)));
  }

  private static String auth(String account, String token) {
    return "Authorization: " + basic(account, token);
  }

  private static String metrics(TestServer server) {
    return server.send("GET", "/metrics", Map.of()).body();
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
