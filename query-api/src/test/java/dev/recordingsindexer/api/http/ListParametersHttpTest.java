package dev.recordingsindexer.api.http;

import static dev.recordingsindexer.api.http.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recordingsindexer.indexer.model.MediaType;
import dev.recordingsindexer.indexer.model.RecordingStatus;
import dev.recordingsindexer.indexer.query.ListRequest;
import dev.recordingsindexer.indexer.query.PagePosition;
import dev.recordingsindexer.indexer.query.RecordingFilter;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ListParametersHttpTest {

  private static final String MT = "MT" + "d".repeat(32);
  private static final String RM = "RM" + "a".repeat(32);
  private static final String PA = "PA" + "b".repeat(32);

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

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Status|Completed",
        "Status|",
        "Status|paused",
        "SourceSid|MT123",
        "SourceSid|MTzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz",
        "GroupingSid|RM123",
        "GroupingSid|",
        "DateCreatedAfter|yesterday",
        "DateCreatedAfter|2026-13-01",
        "DateCreatedAfter|2026-01-01T25:00:00Z",
        "DateCreatedBefore|1767225600",
        "DateCreatedBefore|2026-01-01T10:00:00+25:00",
        "MediaType|AUDIO",
        "MediaType|image",
        "PageSize|0",
        "PageSize|-1",
        "PageSize|ten",
        "PageSize|1.5",
        "PageSize|",
        "Page|-1",
        "Page|1e3",
        "Page|99999999999999999999",
        "PageToken|",
        "PageToken|garbage",
      })
  void shouldAnswer400NamingTheInvalidParameter(String name, String value) {
    HttpResponse<String> response =
        server.get("/v1/Recordings?" + name + "=" + (value == null ? "" : encode(value)));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode error = json(response);
    assertThat(error.get("code").asInt()).isEqualTo(20001);
    assertThat(error.get("status").asInt()).isEqualTo(400);
    assertThat(error.get("message").asText()).startsWith(name + ": ");
    assertThat(error.get("more_info").asText())
        .isEqualTo("https://www.twilio.com/docs/errors/20001");
  }

  @Test
  void shouldAnswer400ForAMalformedPercentEscape() {
    String answer = server.raw("/v1/Recordings?Status=%zz");

    assertThat(answer).startsWith("HTTP/1.1 400 ").contains("\"code\":20001");
  }

  @Test
  void shouldPassEveryFilterToTheQueries() {
    ok(
        "/v1/Recordings?Status=failed&SourceSid="
            + MT
            + "&GroupingSid="
            + RM
            + "&GroupingSid="
            + PA
            + "&DateCreatedAfter=2026-01-01T10:00:00Z"
            + "&DateCreatedBefore=2026-02-01T00:00:00-05:00&MediaType=video");

    assertThat(lastFilter())
        .isEqualTo(
            new RecordingFilter(
                RecordingStatus.FAILED,
                MT,
                List.of(RM, PA),
                Instant.parse("2026-01-01T10:00:00Z"),
                Instant.parse("2026-02-01T05:00:00Z"),
                MediaType.VIDEO));
  }

  @Test
  void shouldReadAPlusDecodedAsSpaceInAnOffsetAsPlus() {
    ok("/v1/Recordings?DateCreatedAfter=2026-01-01T10:00:00+01:00");

    assertThat(lastFilter().createdAtOrAfter()).isEqualTo(Instant.parse("2026-01-01T09:00:00Z"));
  }

  @Test
  void shouldReadADateTimeWithoutZoneAsUtc() {
    ok("/v1/Recordings?DateCreatedBefore=2026-01-01T10:00:00");

    assertThat(lastFilter().createdBefore()).isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
  }

  @Test
  void shouldReadABareDateAsMidnightUtc() {
    ok("/v1/Recordings?DateCreatedAfter=2026-03-04");

    assertThat(lastFilter().createdAtOrAfter()).isEqualTo(Instant.parse("2026-03-04T00:00:00Z"));
  }

  @Test
  void shouldKeepFractionalSecondsOfADateFilter() {
    ok("/v1/Recordings?DateCreatedAfter=2026-01-01T10:00:00.250Z");

    assertThat(lastFilter().createdAtOrAfter())
        .isEqualTo(Instant.parse("2026-01-01T10:00:00.250Z"));
  }

  @Test
  void shouldLetTheLastValueOfARepeatedSingleValuedParameterCount() {
    JsonNode body = ok("/v1/Recordings?PageSize=20&Status=failed&PageSize=5&Status=completed");

    assertThat(QUERIES.lastRequest().pageSize()).isEqualTo(5);
    assertThat(lastFilter().status()).isEqualTo(RecordingStatus.COMPLETED);
    assertThat(body.get("meta").get("page_size").asInt()).isEqualTo(5);
  }

  @Test
  void shouldIgnoreUnknownAndWrongCaseParameters() {
    ok("/v1/Recordings?Foo=bar&status=bogus&pagesize=0&Page=0");

    assertThat(lastFilter()).isEqualTo(RecordingFilter.NONE);
    assertThat(QUERIES.lastRequest().pageSize()).isEqualTo(50);
  }

  @Test
  void shouldServePageSize1000As100AndAcceptLeadingZeros() {
    ok("/v1/Recordings?PageSize=1000");
    assertThat(QUERIES.lastRequest().pageSize()).isEqualTo(100);

    ok("/v1/Recordings?PageSize=99999999999999999999999");
    assertThat(QUERIES.lastRequest().pageSize()).isEqualTo(100);

    ok("/v1/Recordings?PageSize=007");
    assertThat(QUERIES.lastRequest().pageSize()).isEqualTo(7);
  }

  @Test
  void shouldTreatPageWithoutTokenAsClientStateReadFromTheTop() {
    JsonNode body = ok("/v1/Recordings?Page=3&PageSize=10");

    assertThat(QUERIES.lastRequest().position()).isEqualTo(new PagePosition.Start(0));
    assertThat(body.get("meta").get("page").asInt()).isEqualTo(3);
  }

  private static JsonNode ok(String path) {
    HttpResponse<String> response = server.get(path);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  private static RecordingFilter lastFilter() {
    ListRequest request = QUERIES.lastRequest();
    assertThat(request.accountSid()).isEqualTo(TestServer.ACCOUNT);
    return request.filter();
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }
}
