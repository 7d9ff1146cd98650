package dev.recordingsindexer.api.http;

import dev.recordingsindexer.indexer.model.MediaType;
import dev.recordingsindexer.indexer.model.RecordingStatus;
import dev.recordingsindexer.indexer.query.RecordingFilter;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The validated query parameters of {@code GET /v1/Recordings}, with Twilio's exact
 * (case-sensitive) names. Unknown names are ignored; for a single-valued name given twice the last
 * value counts.
 *
 * @param pageSize 1..100 (larger requests are served as 100)
 * @param page the client's page index, echoed and advanced in the links
 * @param pageToken the raw token, or null when none was given
 */
record ListParameters(RecordingFilter filter, int pageSize, long page, String pageToken) {

  static final int DEFAULT_PAGE_SIZE = 50;
  static final int MAX_PAGE_SIZE = 100;

  /**
   * Most {@code GroupingSid} values in one request: with the other filters and the three paging
   * parameters a {@code meta} URL adds, a page's links stay within {@link
   * HttpLimits#MAX_QUERY_PARAMETERS}.
   */
  static final int MAX_GROUPING_SIDS = 50;

  private static final Pattern SID = Pattern.compile("^[a-zA-Z]{2}[0-9a-fA-F]{32}$");
  private static final Pattern DIGITS = Pattern.compile("^[0-9]+$");

  ListParameters {
    Objects.requireNonNull(filter, "filter");
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("pageSize must be 1..100: " + pageSize);
    }
    if (page < 0) {
      throw new IllegalArgumentException("page must be >= 0: " + page);
    }
  }

  /**
   * Validates the parameters of a list request.
   *
   * @throws ApiException 400 (20001) naming the first invalid parameter and why
   */
  static ListParameters from(QueryString query) {
    if (query.all("GroupingSid").size() > MAX_GROUPING_SIDS) {
      throw ApiException.badParameter("GroupingSid", "at most " + MAX_GROUPING_SIDS + " values");
    }
    RecordingFilter filter =
        new RecordingFilter(
            status(query.last("Status")),
            sid("SourceSid", query.last("SourceSid")),
            query.all("GroupingSid").stream().map(value -> sid("GroupingSid", value)).toList(),
            date("DateCreatedAfter", query.last("DateCreatedAfter")),
            date("DateCreatedBefore", query.last("DateCreatedBefore")),
            mediaType(query.last("MediaType")));
    return new ListParameters(
        filter,
        pageSize(query.last("PageSize")),
        page(query.last("Page")),
        query.last("PageToken"));
  }

  private static RecordingStatus status(String value) {
    if (value == null) {
      return null;
    }
    return RecordingStatus.fromWire(value)
        .orElseThrow(
            () ->
                ApiException.badParameter(
                    "Status", "must be one of processing, completed, deleted, failed"));
  }

  private static MediaType mediaType(String value) {
    if (value == null) {
      return null;
    }
    return MediaType.fromWire(value)
        .orElseThrow(
            () -> ApiException.badParameter("MediaType", "must be one of audio, video, data"));
  }

  private static String sid(String name, String value) {
    if (value != null && !SID.matcher(value).matches()) {
      throw ApiException.badParameter(name, "must be a SID: 2 letters and 32 hex digits");
    }
    return value;
  }

  private static Instant date(String name, String value) {
    if (value == null) {
      return null;
    }
    return IsoDates.parse(value)
        .orElseThrow(
            () ->
                ApiException.badParameter(
                    name, "must be an ISO 8601 date-time such as 2026-01-31T23:59:59Z"));
  }

  private static int pageSize(String value) {
    if (value == null) {
      return DEFAULT_PAGE_SIZE;
    }
    if (!DIGITS.matcher(value).matches() || value.chars().allMatch(c -> c == '0')) {
      throw ApiException.badParameter("PageSize", "must be an integer >= 1");
    }
    String significant = value.replaceFirst("^0+", "");
    return significant.length() > 3
        ? MAX_PAGE_SIZE
        : Math.min(Integer.parseInt(significant), MAX_PAGE_SIZE);
  }

  private static long page(String value) {
    if (value == null) {
      return 0;
    }
    if (!DIGITS.matcher(value).matches()) {
      throw ApiException.badParameter("Page", "must be an integer >= 0");
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw ApiException.badParameter("Page", "must be an integer >= 0 and below 2^63");
    }
  }
}
