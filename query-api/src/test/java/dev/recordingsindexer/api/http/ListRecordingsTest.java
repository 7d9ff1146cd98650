package dev.recordingsindexer.api.http;

import static dev.recordingsindexer.api.http.TestServer.ACCOUNT;
import static dev.recordingsindexer.api.http.TestServer.OTHER_ACCOUNT;
import static dev.recordingsindexer.api.http.TestServer.json;
import static dev.recordingsindexer.api.http.TestServer.recording;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.schemas.TwilioSchemas;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ListRecordingsTest {

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
  void forgetRecordings() {
    QUERIES.reset();
  }

  @Test
  void shouldAnswerAnEmptyListWithAllSevenMetaKeys() {
    HttpResponse<String> response = server.get("/v1/Recordings");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonNode body = valid(response);
    assertThat(body.get("recordings").isArray()).isTrue();
    assertThat(body.get("recordings")).isEmpty();
    JsonNode meta = body.get("meta");
    assertThat(fieldNames(meta))
        .containsExactly(
            "key",
            "page",
            "page_size",
            "url",
            "first_page_url",
            "next_page_url",
            "previous_page_url");
    assertThat(meta.get("key").asText()).isEqualTo("recordings");
    assertThat(meta.get("page").asLong()).isZero();
    assertThat(meta.get("page_size").asInt()).isEqualTo(50);
    assertThat(meta.get("url").asText())
        .isEqualTo(server.base + "/v1/Recordings?PageSize=50&Page=0");
    assertThat(meta.get("first_page_url").asText()).isEqualTo(meta.get("url").asText());
    assertThat(meta.get("next_page_url").isNull()).isTrue();
    assertThat(meta.get("previous_page_url").isNull()).isTrue();
  }

  @Test
  void shouldListOnlyTheCallersRecordingsNewestFirst() {
    addRecordings(ACCOUNT, 1, 5);
    addRecordings(OTHER_ACCOUNT, 6, 9);

    JsonNode body = valid(server.get("/v1/Recordings"));

    assertThat(sids(body)).containsExactly(sid(5), sid(4), sid(3), sid(2), sid(1));
    assertThat(body.get("recordings").findValuesAsText("account_sid")).containsOnly(ACCOUNT);
    assertThat(body.get("recordings").get(0).get("url").asText())
        .isEqualTo(server.base + "/v1/Recordings/" + sid(5));
  }

  @Test
  void shouldVisitEveryMatchOnceInOrderWhenFollowingNextPageUrls() {
    addRecordings(ACCOUNT, 1, 40);
    addRecordings(OTHER_ACCOUNT, 41, 60);

    List<String> visited = new ArrayList<>();
    List<JsonNode> pages = followNext("/v1/Recordings?Status=completed&PageSize=7");
    pages.forEach(page -> visited.addAll(sids(page)));

    List<String> expected =
        IntStream.rangeClosed(1, 40)
            .filter(n -> n % 3 != 0)
            .boxed()
            .sorted(Comparator.reverseOrder())
            .map(ListRecordingsTest::sid)
            .toList();
    assertThat(visited).containsExactlyElementsOf(expected);
    for (int i = 0; i < pages.size(); i++) {
      JsonNode meta = pages.get(i).get("meta");
      assertThat(meta.get("page").asInt()).isEqualTo(i);
      assertThat(meta.get("url").asText()).contains("Status=completed&PageSize=7&Page=" + i);
      assertThat(meta.get("first_page_url").asText())
          .isEqualTo(server.base + "/v1/Recordings?Status=completed&PageSize=7&Page=0");
    }
  }

  @Test
  void shouldGiveNoNextPageUrlOnAFullLastPage() {
    addRecordings(ACCOUNT, 1, 14);

    List<JsonNode> pages = followNext("/v1/Recordings?PageSize=7");

    assertThat(pages).hasSize(2);
    assertThat(pages.get(1).get("recordings")).hasSize(7);
    assertThat(pages.get(0).get("meta").get("next_page_url").asText())
        .contains("PageSize=7&Page=1&PageToken=");
  }

  @Test
  void shouldReturnPageKMinusOneWhenFollowingPreviousPageUrl() {
    addRecordings(ACCOUNT, 1, 30);
    List<JsonNode> pages = followNext("/v1/Recordings?PageSize=4&MediaType=audio");

    for (int k = 1; k < pages.size(); k++) {
      String previous = pages.get(k).get("meta").get("previous_page_url").asText();
      JsonNode answer = valid(server.get(previous));

      assertThat(sids(answer)).as("page %d's previous", k).isEqualTo(sids(pages.get(k - 1)));
      assertThat(answer.get("meta").get("page").asInt()).isEqualTo(k - 1);
      assertThat(previous).contains("MediaType=audio").contains("PageSize=4&Page=" + (k - 1));
    }
    assertThat(pages.get(0).get("meta").get("previous_page_url").isNull()).isTrue();
  }

  @Test
  void shouldPointPreviousOfAnEmptyPageAtTheItemsBeforeItsCursor() {
    addRecordings(ACCOUNT, 1, 6);
    List<JsonNode> pages = followNext("/v1/Recordings?PageSize=3");
    String next = pages.get(0).get("meta").get("next_page_url").asText();
    for (int n = 1; n <= 3; n++) {
      QUERIES.add(movedToAnotherAccount(n));
    }
    JsonNode emptyPage = valid(server.get(next));
    String previous = emptyPage.get("meta").get("previous_page_url").asText();

    assertThat(emptyPage.get("recordings")).isEmpty();
    assertThat(emptyPage.get("meta").get("next_page_url").isNull()).isTrue();
    assertThat(sids(valid(server.get(previous)))).containsExactly(sid(6), sid(5), sid(4));
  }

  @Test
  void shouldTreatPageWithoutTokenAsClientStateAndLinkPageOneBackToTheFirstPage() {
    addRecordings(ACCOUNT, 1, 10);

    JsonNode body = valid(server.get("/v1/Recordings?PageSize=3&Page=2"));
    JsonNode second = valid(server.get(body.get("meta").get("next_page_url").asText()));
    JsonNode first = valid(server.get(second.get("meta").get("previous_page_url").asText()));

    assertThat(body.get("meta").get("page").asInt()).isEqualTo(2);
    assertThat(sids(body)).containsExactly(sid(10), sid(9), sid(8));
    assertThat(second.get("meta").get("page").asInt()).isEqualTo(3);
    assertThat(sids(second)).containsExactly(sid(7), sid(6), sid(5));
    assertThat(sids(first)).containsExactly(sid(10), sid(9), sid(8));
    JsonNode fromPageOne =
        valid(server.get("/v1/Recordings?PageSize=3&Page=1")).get("meta").get("previous_page_url");
    assertThat(fromPageOne.asText())
        .as("page 1 links back to page 0 as it is now")
        .endsWith("/v1/Recordings?PageSize=3&Page=0");
  }

  @Test
  void shouldKeepEveryFilterAndPageSizeInMetaUrls() {
    String room = "RM" + "a".repeat(32);
    String participant = "PA" + String.format("%032x", 4);
    addRecordings(ACCOUNT, 1, 10);

    JsonNode body =
        valid(
            server.get(
                "/v1/Recordings?GroupingSid="
                    + room
                    + "&GroupingSid="
                    + participant
                    + "&Status=completed&SourceSid=MT"
                    + "d".repeat(32)
                    + "&MediaType=audio&DateCreatedAfter=2026-01-01&DateCreatedBefore=2027-01-01"
                    + "&PageSize=2"));

    assertThat(sids(body)).containsExactly(sid(4));
    String url = body.get("meta").get("url").asText();
    assertThat(url)
        .isEqualTo(
            server.base
                + "/v1/Recordings?Status=completed&SourceSid=MT"
                + "d".repeat(32)
                + "&MediaType=audio&GroupingSid="
                + room
                + "&GroupingSid="
                + participant
                + "&DateCreatedAfter=2026-01-01T00%3A00%3A00Z"
                + "&DateCreatedBefore=2027-01-01T00%3A00%3A00Z&PageSize=2&Page=0");
    assertThat(sids(valid(server.get(url)))).containsExactly(sid(4));
  }

  @Test
  void shouldServePageSizeAbove100As100() {
    addRecordings(ACCOUNT, 1, 120);

    JsonNode body = valid(server.get("/v1/Recordings?PageSize=1000"));

    assertThat(body.get("recordings")).hasSize(100);
    assertThat(body.get("meta").get("page_size").asInt()).isEqualTo(100);
    assertThat(body.get("meta").get("next_page_url").asText()).contains("PageSize=100&Page=1");
    assertThat(QUERIES.lastRequest().pageSize()).isEqualTo(100);
  }

  @Test
  void shouldRejectAnotherAccountsTokenAndTokensUsedWithOtherFilters() {
    addRecordings(ACCOUNT, 1, 10);
    addRecordings(OTHER_ACCOUNT, 11, 20);
    String next =
        valid(server.get("/v1/Recordings?PageSize=2&Status=completed"))
            .get("meta")
            .get("next_page_url")
            .asText();

    HttpResponse<String> otherAccount =
        server.send(
            "GET",
            next,
            java.util.Map.of(
                "Authorization", TestServer.basic(OTHER_ACCOUNT, TestServer.OTHER_TOKEN)));
    HttpResponse<String> otherFilters =
        server.get(next.replace("Status=completed", "Status=failed"));
    HttpResponse<String> noFilters = server.get(next.replace("Status=completed&", ""));

    for (HttpResponse<String> response : List.of(otherAccount, otherFilters, noFilters)) {
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(json(response).get("code").asInt()).isEqualTo(20001);
      assertThat(json(response).get("message").asText()).startsWith("PageToken: ");
      assertThat(response.body()).doesNotContain("RT0000");
    }
  }

  @Test
  void shouldRejectATamperedTokenInTheUrl() {
    addRecordings(ACCOUNT, 1, 10);
    String next =
        valid(server.get("/v1/Recordings?PageSize=2")).get("meta").get("next_page_url").asText();
    int at = next.indexOf("PageToken=") + "PageToken=".length() + 5;
    char flipped = next.charAt(at) == 'A' ? 'B' : 'A';

    HttpResponse<String> response =
        server.get(next.substring(0, at) + flipped + next.substring(at + 1));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("message").asText()).startsWith("PageToken: ");
  }

  private List<JsonNode> followNext(String first) {
    List<JsonNode> pages = new ArrayList<>();
    String url = first;
    while (url != null) {
      JsonNode page = valid(server.get(url));
      pages.add(page);
      JsonNode next = page.get("meta").get("next_page_url");
      url = next.isNull() ? null : next.asText();
      assertThat(pages).as("pages followed").hasSizeLessThan(200);
    }
    return pages;
  }

  private JsonNode valid(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(TwilioSchemas.validateListResponse(body)).isEmpty();
    body.get("recordings").forEach(r -> assertThat(TwilioSchemas.validateRecording(r)).isEmpty());
    return body;
  }

  private void addRecordings(String account, int from, int to) {
    for (int n = from; n <= to; n++) {
      QUERIES.add(recording(account, n));
    }
  }

  private static Recording movedToAnotherAccount(int n) {
    Recording r = recording(ACCOUNT, n);
    return new Recording(
        r.sid(),
        "AC" + "9".repeat(32),
        r.status(),
        r.dateCreated(),
        r.dateUpdated(),
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

  static String sid(int n) {
    return String.format("RT%032x", n);
  }

  static List<String> sids(JsonNode body) {
    return body.get("recordings").findValuesAsText("sid");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
