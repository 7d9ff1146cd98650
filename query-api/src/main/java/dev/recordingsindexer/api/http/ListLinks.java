package dev.recordingsindexer.api.http;

import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.SortKey;
import dev.recordingsindexer.indexer.query.ListPage;
import dev.recordingsindexer.indexer.query.PagePosition;
import dev.recordingsindexer.indexer.query.RecordingFilter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Builds a list page's {@code meta}: absolute URLs in Twilio's shape ({@code
 * {base}/v1/Recordings?Status=completed&PageSize=50&Page=0}) that keep the request's filters (every
 * {@code GroupingSid}) and page size, and carry signed keyset tokens for the next and previous
 * pages.
 *
 * <p>{@code next_page_url} continues after the page's last item and is null exactly when the query
 * found nothing more. {@code previous_page_url} is null on page 0; from page 1 it is the first
 * page's URL (page 0 as it is now); from later pages it ends just before the page's first item, or,
 * for an empty page, at the cursor the page was read from (inclusive).
 *
 * <p>{@code Page} is client state, as in Twilio: without a token a request reads from the top of
 * the list whatever its {@code Page}, and the number is only echoed and advanced.
 */
final class ListLinks {

  /** The seven {@code meta} values other than the constant {@code key}; null where empty. */
  record Meta(
      long page,
      int pageSize,
      String url,
      String firstPageUrl,
      String nextPageUrl,
      String previousPageUrl) {

    Meta {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(firstPageUrl, "firstPageUrl");
    }
  }

  private final PageTokens tokens;

  ListLinks(PageTokens tokens) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
  }

  /** The meta of {@code result}, read at {@code requested} for {@code parameters}. */
  Meta meta(
      String baseUrl,
      String accountSid,
      ListParameters parameters,
      PagePosition requested,
      ListPage result) {
    String prefix = baseUrl + "/v1/Recordings?" + filterQuery(parameters.filter());
    int size = parameters.pageSize();
    long page = parameters.page();
    String next = null;
    List<Recording> recordings = result.recordings();
    if (result.hasMoreAfter() && !recordings.isEmpty()) {
      SortKey last = SortKey.of(recordings.get(recordings.size() - 1));
      String token = tokens.encode(accountSid, parameters.filter(), new PagePosition.After(last));
      next = pageUrl(prefix, size, page == Long.MAX_VALUE ? page : page + 1, token);
    }
    String previous = null;
    if (page == 1) {
      previous = pageUrl(prefix, size, 0, null);
    } else if (page > 1) {
      PagePosition before = previousPosition(requested, recordings);
      String token = before == null ? null : tokens.encode(accountSid, parameters.filter(), before);
      previous = pageUrl(prefix, size, page - 1, token);
    }
    return new Meta(
        page,
        size,
        pageUrl(prefix, size, page, parameters.pageToken()),
        pageUrl(prefix, size, 0, null),
        next,
        previous);
  }

  private static PagePosition previousPosition(PagePosition requested, List<Recording> recordings) {
    if (!recordings.isEmpty()) {
      return new PagePosition.Before(SortKey.of(recordings.get(0)), false);
    }
    if (requested instanceof PagePosition.After after) {
      return new PagePosition.Before(after.key(), true);
    }
    if (requested instanceof PagePosition.Before before) {
      return before;
    }
    return null;
  }

  private static String pageUrl(String prefix, int size, long page, String token) {
    String url = prefix + "PageSize=" + size + "&Page=" + page;
    return token == null ? url : url + "&PageToken=" + encode(token);
  }

  private static String filterQuery(RecordingFilter filter) {
    StringBuilder query = new StringBuilder();
    if (filter.status() != null) {
      append(query, "Status", filter.status().wire());
    }
    if (filter.sourceSid() != null) {
      append(query, "SourceSid", filter.sourceSid());
    }
    if (filter.mediaType() != null) {
      append(query, "MediaType", filter.mediaType().wire());
    }
    for (String groupingSid : filter.groupingSids()) {
      append(query, "GroupingSid", groupingSid);
    }
    if (filter.createdAtOrAfter() != null) {
      append(query, "DateCreatedAfter", filter.createdAtOrAfter().toString());
    }
    if (filter.createdBefore() != null) {
      append(query, "DateCreatedBefore", filter.createdBefore().toString());
    }
    return query.toString();
  }

  private static void append(StringBuilder query, String name, String value) {
    query.append(name).append('=').append(encode(value)).append('&');
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
