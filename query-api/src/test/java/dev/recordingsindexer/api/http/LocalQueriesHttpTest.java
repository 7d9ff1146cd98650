package dev.recordingsindexer.api.http;

import static dev.recordingsindexer.api.http.TestServer.ACCOUNT;
import static dev.recordingsindexer.api.http.TestServer.OTHER_ACCOUNT;
import static dev.recordingsindexer.api.http.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recordingsindexer.indexer.model.Codec;
import dev.recordingsindexer.indexer.model.ContainerFormat;
import dev.recordingsindexer.indexer.model.MediaType;
import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.RecordingStatus;
import dev.recordingsindexer.indexer.model.SortKey;
import dev.recordingsindexer.indexer.query.LocalRecordingQueries;
import dev.recordingsindexer.indexer.testing.ContractVectors;
import dev.recordingsindexer.indexer.testing.InMemoryRecordingReader;
import dev.recordingsindexer.schemas.TwilioSchemas;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP layer over the real read facade, {@link LocalRecordingQueries}, on in-memory stores. */
class LocalQueriesHttpTest {

  private static final String BASE = "http://localhost:8080";
  private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
  private static final List<String> ROOMS =
      List.of("RM" + "1".repeat(32), "RM" + "2".repeat(32), "RM" + "3".repeat(32));
  private static final List<String> SOURCES = List.of("MT" + "a".repeat(32), "MT" + "b".repeat(32));

  private static final List<InMemoryRecordingReader> PARTITIONS =
      List.of(
          new InMemoryRecordingReader(),
          new InMemoryRecordingReader(),
          new InMemoryRecordingReader());
  private static final List<Recording> ALL = new ArrayList<>();
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = new TestServer(new LocalRecordingQueries(() -> List.copyOf(PARTITIONS)), BASE);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void fillStores() {
    ALL.forEach(r -> partition(r.sid()).remove(r.sid()));
    ALL.clear();
    Random random = new Random(20260101);
    for (int n = 1; n <= 120; n++) {
      store(generated(n, n <= 90 ? ACCOUNT : OTHER_ACCOUNT, random));
    }
  }

  @Test
  void shouldVisitEveryMatchOnceInOrderForEveryFilterAndPageSize() {
    Map<String, Predicate<Recording>> filters = new LinkedHashMap<>();
    filters.put("", r -> true);
    filters.put("Status=completed&", r -> r.status() == RecordingStatus.COMPLETED);
    filters.put("MediaType=audio&", r -> r.type() == MediaType.AUDIO);
    filters.put(
        "GroupingSid=" + ROOMS.get(1) + "&", r -> r.groupingSids().containsValue(ROOMS.get(1)));
    filters.put(
        "SourceSid=" + SOURCES.get(0) + "&Status=failed&",
        r -> SOURCES.get(0).equals(r.sourceSid()) && r.status() == RecordingStatus.FAILED);
    filters.put(
        "DateCreatedAfter=2026-01-01T00:10:00Z&DateCreatedBefore=2026-01-01T00:40:00Z&",
        r ->
            !r.dateCreated().isBefore(EPOCH.plusSeconds(600))
                && r.dateCreated().isBefore(EPOCH.plusSeconds(2400)));
    for (Map.Entry<String, Predicate<Recording>> filter : filters.entrySet()) {
      for (int size : new int[] {1, 4, 7, 50}) {
        List<JsonNode> pages = followNext("/v1/Recordings?" + filter.getKey() + "PageSize=" + size);

        assertThat(pages.stream().flatMap(p -> ListRecordingsTest.sids(p).stream()).toList())
            .as("%s size %d", filter.getKey(), size)
            .isEqualTo(expected(filter.getValue()));
        assertPreviousIsThePageBefore(pages);
      }
    }
  }

  @Test
  void shouldNeitherRepeatNorSkipWhenRecordingsArriveBetweenPages() {
    List<String> visited = new ArrayList<>();
    List<String> before = expected(r -> true);
    String url = "/v1/Recordings?PageSize=10";
    int n = 1000;
    while (url != null) {
      JsonNode page = valid(server.get(url));
      visited.addAll(ListRecordingsTest.sids(page));
      store(withDate(generated(n++, ACCOUNT, new Random(n)), EPOCH.plusSeconds(99_999)));
      JsonNode next = page.get("meta").get("next_page_url");
      url = next.isNull() ? null : local(next.asText());
    }

    assertThat(visited).isEqualTo(before);
  }

  @Test
  void shouldFetchEveryContractVectorExactlyAsRendered() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    JsonNode file;
    try (java.io.InputStream in = vectorsFile()) {
      file = mapper.readTree(in);
    }
    List<ContractVectors.Scenario> scenarios = ContractVectors.load();
    for (int i = 0; i < scenarios.size(); i++) {
      JsonNode expectedJson = file.get("scenarios").get(i).get("expected_recordings");
      List<Recording> expected = scenarios.get(i).expected();
      for (int j = 0; j < expected.size(); j++) {
        Recording recording = expected.get(j);
        store(recording);
        HttpResponse<String> response =
            server.send(
                "GET",
                "/v1/Recordings/" + recording.sid(),
                Map.of("Authorization", credentialsOf(recording.accountSid())));
        if (!recording.accountSid().equals(ACCOUNT)) {
          assertThat(response.statusCode()).isEqualTo(401);
          continue;
        }
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(mapper.writeValueAsString(expectedJson.get(j)));
      }
    }
  }

  @Test
  void shouldNeverShowAnotherAccountsRecording() {
    Recording theirs =
        ALL.stream().filter(r -> r.accountSid().equals(OTHER_ACCOUNT)).findFirst().orElseThrow();

    assertThat(server.get("/v1/Recordings/" + theirs.sid()).statusCode()).isEqualTo(404);
    assertThat(
            followNext("/v1/Recordings?PageSize=100").stream()
                .flatMap(p -> p.get("recordings").findValuesAsText("account_sid").stream()))
        .containsOnly(ACCOUNT);
  }

  private void assertPreviousIsThePageBefore(List<JsonNode> pages) {
    for (int k = 1; k < pages.size(); k++) {
      JsonNode previous =
          valid(server.get(local(pages.get(k).get("meta").get("previous_page_url").asText())));

      assertThat(ListRecordingsTest.sids(previous))
          .isEqualTo(ListRecordingsTest.sids(pages.get(k - 1)));
      assertThat(previous.get("meta").get("next_page_url").asText())
          .isEqualTo(pages.get(k - 1).get("meta").get("next_page_url").asText());
    }
  }

  private List<JsonNode> followNext(String first) {
    List<JsonNode> pages = new ArrayList<>();
    String url = first;
    while (url != null) {
      JsonNode page = valid(server.get(url));
      pages.add(page);
      JsonNode next = page.get("meta").get("next_page_url");
      url = next.isNull() ? null : local(next.asText());
      assertThat(pages).as("pages followed").hasSizeLessThan(300);
    }
    return pages;
  }

  /** The file {@link ContractVectors} reads, found the same way, for its rendered JSON. */
  private static java.io.InputStream vectorsFile() throws java.io.IOException {
    java.io.InputStream resource =
        ContractVectors.class.getResourceAsStream("/contract/vectors.json");
    if (resource != null) {
      return resource;
    }
    String property = System.getProperty("contract.vectors", "/work/shared/contract/vectors.json");
    return java.nio.file.Files.newInputStream(java.nio.file.Path.of(property));
  }

  /** The configured public base is not where the test server listens: point links at it. */
  private static String local(String url) {
    assertThat(url).startsWith(BASE + "/v1/Recordings?");
    return server.base + url.substring(BASE.length());
  }

  private static JsonNode valid(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(TwilioSchemas.validateListResponse(body)).isEmpty();
    return body;
  }

  private static List<String> expected(Predicate<Recording> filter) {
    return ALL.stream()
        .filter(r -> r.accountSid().equals(ACCOUNT))
        .filter(filter)
        .sorted((a, b) -> SortKey.of(a).compareTo(SortKey.of(b)))
        .map(Recording::sid)
        .toList();
  }

  private static void store(Recording recording) {
    ALL.removeIf(r -> r.sid().equals(recording.sid()));
    ALL.add(recording);
    partition(recording.sid()).put(recording);
  }

  private static InMemoryRecordingReader partition(String sid) {
    return PARTITIONS.get(Math.floorMod(sid.hashCode(), PARTITIONS.size()));
  }

  private static String credentialsOf(String account) {
    return account.equals(ACCOUNT)
        ? TestServer.basic(ACCOUNT, TestServer.TOKEN)
        : TestServer.basic(account, "unknown");
  }

  private static Recording generated(int n, String account, Random random) {
    Map<String, String> grouping = new LinkedHashMap<>();
    grouping.put("room_sid", ROOMS.get(random.nextInt(ROOMS.size())));
    grouping.put("participant_sid", String.format("PA%032x", random.nextInt(5)));
    Instant created = EPOCH.plusSeconds(60L * random.nextInt(60));
    MediaType type = MediaType.values()[random.nextInt(3)];
    return new Recording(
        String.format("RT%032x", n),
        account,
        RecordingStatus.values()[random.nextInt(4)],
        created,
        created.plusSeconds(5),
        null,
        SOURCES.get(random.nextInt(SOURCES.size())),
        10L,
        type,
        1L,
        ContainerFormat.MKA,
        type == MediaType.DATA ? null : Codec.OPUS,
        grouping,
        "t",
        0L,
        null,
        null,
        null,
        null);
  }

  private static Recording withDate(Recording r, Instant created) {
    return new Recording(
        r.sid(),
        r.accountSid(),
        r.status(),
        created,
        created,
        null,
        r.sourceSid(),
        r.size(),
        r.type(),
        r.duration(),
        r.containerFormat(),
        r.codec(),
        r.groupingSids(),
        r.trackName(),
        r.offset(),
        null,
        null,
        null,
        null);
  }
}
