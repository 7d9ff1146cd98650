package dev.recordingsindexer.api.security;

import static dev.recordingsindexer.api.security.HttpProbe.basic;
import static dev.recordingsindexer.api.security.HttpProbe.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recordingsindexer.api.http.Accounts;
import dev.recordingsindexer.api.http.ApiServer;
import dev.recordingsindexer.api.http.ApiSettings;
import dev.recordingsindexer.api.http.Readiness;
import dev.recordingsindexer.api.security.HttpProbe.Answer;
import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.SortKey;
import dev.recordingsindexer.indexer.query.LocalRecordingQueries;
import dev.recordingsindexer.indexer.testing.InMemoryRecordingReader;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tenancy on the real HTTP layer and the real read facade ({@link LocalRecordingQueries} over
 * in-memory partitions): two accounts whose data has the same shape (same dates, rooms, tracks and
 * participants), and every way one could reach the other's recordings (fetch by SID, list filters,
 * the other's page tokens, altered tokens, tokens of another instance, mixed credentials). No
 * answer may contain anything of the other account that the caller did not itself send, and where
 * the caller did send it (a SID in the path, a filter value), the answer must be the one it gets
 * for a value that exists nowhere.
 */
class TenancyTest {

  private static final Tenant A =
      new Tenant("AC" + "a1".repeat(16), "token-of-tenant-a", "tenant-a-9f1c", 0xa1);
  private static final Tenant B =
      new Tenant("AC" + "b2".repeat(16), "token-of-tenant-b", "tenant-b-4e7d", 0xb2);
  private static final List<Tenant> TENANTS = List.of(A, B);
  private static final String NOWHERE_ROOM = "RM" + "e".repeat(32);
  private static final String NOWHERE_RECORDING = "RT" + "e".repeat(32);
  private static final byte[] SECRET =
      "tenancy-test-token-secret-32-byt".getBytes(StandardCharsets.UTF_8);
  private static final byte[] OTHER_INSTANCE_SECRET =
      "another-instance-secret-32-bytes".getBytes(StandardCharsets.UTF_8);

  /** Ways to write a SID in a path: as is, in other letter cases, escaped, with more path. */
  private static final List<UnaryOperator<String>> SID_SPELLINGS =
      List.of(
          sid -> sid,
          sid -> "RT" + sid.substring(2).toUpperCase(Locale.ROOT),
          sid -> "rt" + sid.substring(2),
          sid -> "%52" + sid.substring(1),
          sid -> sid + "/",
          sid -> sid + "/Media",
          sid -> sid + "%00");

  private static final List<InMemoryRecordingReader> PARTITIONS =
      List.of(
          new InMemoryRecordingReader(),
          new InMemoryRecordingReader(),
          new InMemoryRecordingReader());
  private static final List<ApiServer> SERVERS = new ArrayList<>();
  private static final List<PrometheusMeterRegistry> REGISTRIES = new ArrayList<>();
  private static String base;
  private static String otherInstanceBase;

  @BeforeAll
  static void start() {
    for (Tenant tenant : TENANTS) {
      for (Recording recording : tenant.recordings()) {
        PARTITIONS.get(Math.floorMod(recording.sid().hashCode(), PARTITIONS.size())).put(recording);
      }
    }
    base = startServer(SECRET);
    otherInstanceBase = startServer(OTHER_INSTANCE_SECRET);
  }

  @AfterAll
  static void stop() {
    SERVERS.forEach(ApiServer::close);
    REGISTRIES.forEach(PrometheusMeterRegistry::close);
  }

  @Test
  void shouldAnswerAFetchOfTheOtherAccountsRecordingExactlyAsForOneThatDoesNotExist() {
    for (Tenant caller : TENANTS) {
      Tenant victim = other(caller);
      for (Recording theirs : victim.recordings()) {
        for (UnaryOperator<String> spelling : SID_SPELLINGS) {
          String path = "/v1/Recordings/" + spelling.apply(theirs.sid());
          Answer answer = get(caller, path);
          Answer nowhere = get(caller, "/v1/Recordings/" + spelling.apply(NOWHERE_RECORDING));

          assertThat(answer.status()).as(path).isIn(400, 404).isEqualTo(nowhere.status());
          assertThat(withoutSid(answer.body(), theirs.sid()))
              .as(path)
              .isEqualTo(withoutSid(nowhere.body(), NOWHERE_RECORDING));
          assertRevealsNothingOf(victim, answer);
        }
        Answer plain = get(caller, "/v1/Recordings/" + theirs.sid());
        assertThat(plain.status()).isEqualTo(404);
        assertThat(plain.json().path("code").asInt()).isEqualTo(20404);
      }
    }
  }

  @Test
  void shouldListOnlyTheCallersOwnRecordingsWhateverTheFilter() {
    for (Tenant caller : TENANTS) {
      Tenant victim = other(caller);
      Map<String, Predicate<Recording>> filters = new LinkedHashMap<>();
      filters.put("", r -> true);
      filters.put("GroupingSid=" + Tenant.SHARED_ROOM, r -> in(r, Tenant.SHARED_ROOM));
      filters.put(
          "GroupingSid=" + Tenant.SHARED_PARTICIPANT, r -> in(r, Tenant.SHARED_PARTICIPANT));
      filters.put(
          "SourceSid=" + Tenant.SHARED_SOURCE, r -> Tenant.SHARED_SOURCE.equals(r.sourceSid()));
      filters.put(
          "SourceSid=" + Tenant.SHARED_SOURCE + "&GroupingSid=" + Tenant.SHARED_ROOM,
          r -> Tenant.SHARED_SOURCE.equals(r.sourceSid()) && in(r, Tenant.SHARED_ROOM));
      filters.put("Status=completed", r -> r.status().wire().equals("completed"));
      filters.put("MediaType=video", r -> r.type().wire().equals("video"));
      filters.put(
          "DateCreatedAfter=2026-01-01T00:03:00Z&DateCreatedBefore=2026-01-01T00:08:00Z",
          r ->
              !r.dateCreated().isBefore(Tenant.EPOCH.plusSeconds(180))
                  && r.dateCreated().isBefore(Tenant.EPOCH.plusSeconds(480)));
      for (Map.Entry<String, Predicate<Recording>> filter : filters.entrySet()) {
        List<String> listed = new ArrayList<>();
        for (Answer page : followNext(caller, "/v1/Recordings?PageSize=5&" + filter.getKey())) {
          listed.addAll(page.json().findValuesAsText("sid"));
          assertThat(page.json().path("recordings").findValuesAsText("account_sid"))
              .containsOnly(caller.accountSid());
          assertRevealsNothingOf(victim, page);
        }

        assertThat(listed)
            .as("%s lists %s", caller.accountSid(), filter.getKey())
            .isEqualTo(
                caller.recordings().stream()
                    .filter(filter.getValue())
                    .sorted((x, y) -> SortKey.of(x).compareTo(SortKey.of(y)))
                    .map(Recording::sid)
                    .toList());
      }
    }
  }

  @Test
  void shouldAnswerAFilterByTheOtherAccountsSidsExactlyAsForSidsThatDoNotExist() {
    for (Tenant caller : TENANTS) {
      Tenant victim = other(caller);
      for (String query :
          List.of(
              "GroupingSid=" + victim.ownRoom(),
              "GroupingSid=" + victim.ownParticipant(),
              "GroupingSid=" + victim.ownRoom() + "&GroupingSid=" + victim.ownParticipant(),
              "GroupingSid=" + Tenant.SHARED_ROOM + "&GroupingSid=" + victim.ownParticipant(),
              "SourceSid=" + victim.ownSource(),
              "SourceSid=" + victim.ownSource() + "&Status=completed&PageSize=1")) {
        String path = "/v1/Recordings?" + query;
        String nowhere =
            path.replace(victim.ownRoom(), NOWHERE_ROOM)
                .replace(victim.ownParticipant(), "PA" + "e".repeat(32))
                .replace(victim.ownSource(), "MT" + "e".repeat(32));
        Answer answer = get(caller, path);

        assertThat(answer.status()).as(path).isEqualTo(200);
        assertThat(answer.json().path("recordings")).as(path).isEmpty();
        assertThat(answer.json().path("meta").path("next_page_url").isNull()).isTrue();
        assertThat(answer.body())
            .as(path)
            .isEqualTo(
                get(caller, nowhere)
                    .body()
                    .replace(NOWHERE_ROOM, victim.ownRoom())
                    .replace("PA" + "e".repeat(32), victim.ownParticipant())
                    .replace("MT" + "e".repeat(32), victim.ownSource()));
        assertRevealsNothingOf(victim, answer);
      }
    }
  }

  @Test
  void shouldRejectEveryPageTokenIssuedToTheOtherAccount() {
    for (Tenant victim : TENANTS) {
      Tenant caller = other(victim);
      for (String filters : List.of("", "GroupingSid=" + Tenant.SHARED_ROOM, "Status=completed")) {
        for (Answer page : followNext(victim, "/v1/Recordings?PageSize=3&" + filters)) {
          for (String link : List.of("next_page_url", "previous_page_url")) {
            JsonNode url = page.json().path("meta").path(link);
            if (url.isNull() || !url.asText().contains("PageToken=")) {
              continue;
            }
            Answer answer = get(caller, url.asText());

            assertThat(answer.status()).as(url.asText()).isEqualTo(400);
            assertThat(answer.json().path("code").asInt()).isEqualTo(20001);
            assertThat(answer.json().path("message").asText()).startsWith("PageToken");
            assertRevealsNothingOf(victim, answer);
          }
        }
      }
    }
  }

  @Test
  void shouldAnswerEveryBitFlipOfATokenWith400OrTheCallersOwnPage() {
    Answer first = get(A, "/v1/Recordings?PageSize=5&GroupingSid=" + Tenant.SHARED_ROOM);
    String next = first.json().path("meta").path("next_page_url").asText();
    String prefix = next.substring(0, next.indexOf("PageToken=") + "PageToken=".length());
    String token = URLDecoder.decode(next.substring(prefix.length()), StandardCharsets.UTF_8);
    List<String> altered = new ArrayList<>();
    byte[] bytes = Base64.getUrlDecoder().decode(token);
    for (int bit = 0; bit < bytes.length * 8; bit++) {
      byte[] flipped = bytes.clone();
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      altered.add(Base64.getUrlEncoder().withoutPadding().encodeToString(flipped));
    }
    for (int i = 0; i < token.length(); i++) {
      for (int bit = 0; bit < 7; bit++) {
        char flipped = (char) (token.charAt(i) ^ (1 << bit));
        altered.add(token.substring(0, i) + flipped + token.substring(i + 1));
      }
    }
    assertThat(altered).hasSizeGreaterThan(1000);

    for (String tampered : altered) {
      String url = prefix + URLEncoder.encode(tampered, StandardCharsets.UTF_8);
      for (Tenant caller : TENANTS) {
        Answer answer = get(caller, url);

        assertThat(answer.status()).as("%s as %s", tampered, caller).isIn(200, 400);
        if (answer.status() == 200) {
          assertThat(answer.json().path("recordings").findValuesAsText("account_sid"))
              .containsOnly(caller.accountSid());
        } else {
          assertThat(answer.json().path("code").asInt()).isEqualTo(20001);
        }
        assertRevealsNothingOf(other(caller), answer);
      }
    }
  }

  @Test
  void shouldRejectATokenSignedByAnInstanceWithAnotherSecret() {
    for (Tenant caller : TENANTS) {
      Answer foreign = get(caller, otherInstanceBase + "/v1/Recordings?PageSize=4");
      String next = foreign.json().path("meta").path("next_page_url").asText();
      assertThat(next).contains("PageToken=");

      Answer answer = get(caller, base + next.substring(otherInstanceBase.length()));

      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.json().path("code").asInt()).isEqualTo(20001);
      assertRevealsNothingOf(other(caller), answer);
    }
  }

  @Test
  void shouldAnswerMixedOrForeignCredentialsWith401AndNothingElse() {
    Answer anonymous = send("GET", base + "/v1/Recordings/" + B.recording(1).sid(), Map.of());
    assertThat(anonymous.status()).isEqualTo(401);
    for (Map<String, String> headers :
        List.of(
            Map.of("Authorization", basic(A.accountSid(), B.authToken())),
            Map.of("Authorization", basic(B.accountSid(), A.authToken())),
            Map.of("Authorization", basic(B.accountSid(), "")),
            Map.of("Authorization", basic(B.accountSid() + ":" + B.authToken(), "x")),
            Map.of("Authorization", "Bearer " + B.authToken()))) {
      for (String path :
          List.of("/v1/Recordings/" + B.recording(1).sid(), "/v1/Recordings?PageSize=100")) {
        Answer answer = send("GET", base + path, headers);

        assertThat(answer.status()).as("%s %s", headers, path).isEqualTo(401);
        assertThat(answer.body()).isEqualTo(anonymous.body());
        assertThat(answer.json().path("code").asInt()).isEqualTo(20003);
      }
    }
  }

  @Test
  void shouldAnswerOtherMethodsAndPreflightsOnTheOtherAccountsRecordingWithoutItsData() {
    String path = base + "/v1/Recordings/" + B.recording(2).sid();
    for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD")) {
      Answer answer = send(method, path, Map.of("Authorization", A.authorization()));

      assertThat(answer.status()).as(method).isNotEqualTo(200).isLessThan(500);
      assertRevealsNothingOf(B, answer);
    }
  }

  @Test
  void shouldKeepEveryAccountOutOfTheOperationsEndpoints() {
    get(A, "/v1/Recordings?GroupingSid=" + B.ownRoom());
    get(B, "/v1/Recordings/" + A.recording(3).sid());
    for (String path : List.of("/metrics", "/healthz", "/readyz")) {
      Answer answer = send("GET", base + path, Map.of());

      assertThat(answer.status()).as(path).isEqualTo(200);
      for (Tenant tenant : TENANTS) {
        assertRevealsNothingOf(tenant, answer);
      }
    }
  }

  /**
   * Fails if the answer (body or headers) holds any of {@code victim}'s values, in any letter case,
   * other than those the caller sent in the request itself.
   */
  private static void assertRevealsNothingOf(Tenant victim, Answer answer) {
    String sent = URLDecoder.decode(answer.url(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
    String received = (answer.body() + "\n" + answer.headers()).toLowerCase(Locale.ROOT);
    for (String value : victim.revealingValues()) {
      String needle = value.toLowerCase(Locale.ROOT);
      if (!sent.contains(needle)) {
        assertThat(received)
            .as("the answer to %s reveals %s of %s", answer.url(), value, victim.accountSid())
            .doesNotContain(needle);
      }
    }
  }

  private static List<Answer> followNext(Tenant caller, String first) {
    List<Answer> pages = new ArrayList<>();
    String url = first;
    while (url != null) {
      Answer page = get(caller, url);
      assertThat(page.status()).as("%s: %s", url, page.body()).isEqualTo(200);
      pages.add(page);
      JsonNode next = page.json().path("meta").path("next_page_url");
      url = next.isNull() ? null : next.asText();
      assertThat(pages).hasSizeLessThan(100);
    }
    return pages;
  }

  /** {@code text} with every spelling of the SID's 32 hex digits, in any case, replaced. */
  private static String withoutSid(String text, String sid) {
    return text.replaceAll("(?i)" + Pattern.quote(sid.substring(2)), "<sid>");
  }

  private static boolean in(Recording recording, String groupingSid) {
    return recording.groupingSids().containsValue(groupingSid);
  }

  private static Tenant other(Tenant tenant) {
    return tenant == A ? B : A;
  }

  private static Answer get(Tenant caller, String pathOrUrl) {
    String url = pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl;
    return send("GET", url, Map.of("Authorization", caller.authorization()));
  }

  private static String startServer(byte[] secret) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    REGISTRIES.add(registry);
    ApiServer server =
        new ApiServer(
            new ApiSettings(0, null, List.of("*"), secret),
            new LocalRecordingQueries(() -> List.copyOf(PARTITIONS)),
            Accounts.of(Map.of(A.accountSid(), A.authToken(), B.accountSid(), B.authToken())),
            Readiness.always(),
            registry);
    SERVERS.add(server);
    return "http://localhost:" + server.start();
  }
}
