package dev.recordingsindexer.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.recordingsindexer.api.fuzz.HttpInternals.ApiError;
import dev.recordingsindexer.api.fuzz.HttpInternals.Links;
import dev.recordingsindexer.api.fuzz.HttpInternals.ListParameters;
import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.RecordingStatus;
import dev.recordingsindexer.indexer.query.ListPage;
import dev.recordingsindexer.indexer.query.PagePosition;
import dev.recordingsindexer.indexer.query.RecordingFilter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes the query parameters of {@code GET /v1/Recordings} as the route parses them ({@code
 * ListParameters.from(QueryString.parse(raw))}): any raw query string either yields parameters
 * within their documented ranges or the documented validation error (400, code 20001); and the
 * links written for a page of those parameters parse back to the same filters and page size, so
 * that every {@code meta} URL works when followed verbatim.
 *
 * <p>Without {@code JAZZER_FUZZ} it replays {@code ListParametersFuzzTestInputs/<method>/}.
 */
class ListParametersFuzzTest {

  private static final String ACCOUNT = "AC11111111111111111111111111111111";
  private static final String BASE = "https://api.example.com";
  private static final Object TOKENS =
      HttpInternals.pageTokens("fuzz-secret-of-at-least-16-bytes".getBytes(StandardCharsets.UTF_8));
  private static final String SID = "^[a-zA-Z]{2}[0-9a-fA-F]{32}$";

  @FuzzTest(maxDuration = "5m")
  @DictionaryEntries({
    "Status=",
    "completed",
    "SourceSid=",
    "GroupingSid=",
    "MT0123456789abcdef0123456789abcdef",
    "DateCreatedAfter=",
    "DateCreatedBefore=",
    "2026-01-31T23:59:59Z",
    "2026-01-31T23:59:59.5+01:00",
    "+999999999-12-31",
    "-999999999-01-01",
    "MediaType=",
    "audio",
    "PageSize=",
    "Page=",
    "9223372036854775807",
    "PageToken=",
    "&",
    "=",
    "%",
    "%2B",
    "+"
  })
  void shouldYieldValidParametersOrA400ForAnyQueryString(byte[] raw) {
    String query = new String(raw, StandardCharsets.UTF_8);
    ListParameters parameters;
    try {
      parameters = HttpInternals.listParameters(query);
    } catch (RuntimeException e) {
      ApiError error = HttpInternals.apiError(e).orElseThrow(() -> e);
      assertThat(error.status()).as(error.message()).isEqualTo(400);
      assertThat(error.code()).as(error.message()).isEqualTo(20001);
      assertThat(error.message()).contains(": ");
      return;
    }

    assertThat(parameters.pageSize()).isBetween(1, 100);
    assertThat(parameters.page()).isNotNegative();
    RecordingFilter filter = parameters.filter();
    if (filter.sourceSid() != null) {
      assertThat(filter.sourceSid()).matches(SID);
    }
    assertThat(filter.groupingSids()).allMatch(sid -> sid.matches(SID));
    assertLinksParseBackToTheSameParameters(parameters);
  }

  private static void assertLinksParseBackToTheSameParameters(ListParameters parameters) {
    Recording last = recording(parameters.filter());
    Links links =
        HttpInternals.links(
            TOKENS,
            BASE,
            ACCOUNT,
            parameters,
            new PagePosition.Start(0),
            new ListPage(List.of(last), true, "fuzz"));
    for (String link : List.of(links.url(), links.firstPageUrl(), links.nextPageUrl())) {
      ListParameters followed = HttpInternals.listParameters(URI.create(link).getRawQuery());

      assertThat(followed.filter()).as(link).isEqualTo(parameters.filter());
      assertThat(followed.pageSize()).as(link).isEqualTo(parameters.pageSize());
    }
    String token =
        HttpInternals.listParameters(URI.create(links.nextPageUrl()).getRawQuery()).pageToken();
    assertThat(HttpInternals.decode(TOKENS, ACCOUNT, parameters.filter(), token))
        .as("the next page's token")
        .isInstanceOf(PagePosition.After.class);
  }

  /** A recording the filters would match, as the last item of a page with more after it. */
  private static Recording recording(RecordingFilter filter) {
    Instant created = filter.createdAtOrAfter() != null ? filter.createdAtOrAfter() : Instant.EPOCH;
    return new Recording(
        "RT0123456789abcdef0123456789abcdef",
        ACCOUNT,
        filter.status() != null ? filter.status() : RecordingStatus.COMPLETED,
        created,
        created,
        null,
        filter.sourceSid(),
        null,
        filter.mediaType(),
        null,
        null,
        null,
        Map.of(),
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
