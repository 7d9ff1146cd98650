package dev.recordingsindexer.api.http;

import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.query.ListPage;
import dev.recordingsindexer.indexer.query.ListRequest;
import dev.recordingsindexer.indexer.query.PagePosition;
import dev.recordingsindexer.indexer.query.RecordingQueries;
import io.javalin.http.Context;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code GET /v1/Recordings} and {@code GET /v1/Recordings/{Sid}}: validates the request, asks the
 * read facade for the caller's account only, and writes Twilio's JSON. As a last guard against a
 * tenancy bug below, a recording of another account is never written: a list containing one fails
 * with 500 and a fetch answers 404.
 */
final class RecordingsRoutes {

  private static final Pattern RECORDING_SID = Pattern.compile("^RT[0-9a-fA-F]{32}$");
  private static final String JSON = "application/json";

  private final RecordingQueries queries;
  private final PageTokens tokens;
  private final ListLinks links;
  private final HttpMetrics metrics;
  private final String publicBaseUrl;

  RecordingsRoutes(
      RecordingQueries queries, PageTokens tokens, HttpMetrics metrics, String publicBaseUrl) {
    this.queries = Objects.requireNonNull(queries, "queries");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.links = new ListLinks(tokens);
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.publicBaseUrl = publicBaseUrl;
  }

  void list(Context ctx) {
    String account = BasicAuth.account(ctx);
    ListParameters parameters = ListParameters.from(QueryString.parse(ctx.queryString()));
    PagePosition position =
        parameters.pageToken() == null
            ? new PagePosition.Start(0)
            : tokens.decode(account, parameters.filter(), parameters.pageToken());
    ListRequest request =
        new ListRequest(account, parameters.filter(), position, parameters.pageSize());
    ListPage page = metrics.timeList(() -> queries.list(request));
    for (Recording recording : page.recordings()) {
      if (!recording.accountSid().equals(account)) {
        throw new IllegalStateException(
            "The read facade returned another account's recording " + recording.sid());
      }
    }
    String base = baseUrl(ctx);
    ListLinks.Meta meta = links.meta(base, account, parameters, position, page);
    ctx.contentType(JSON).result(JsonBodies.list(page.recordings(), base, meta));
  }

  void fetch(Context ctx) {
    String account = BasicAuth.account(ctx);
    String sid = ctx.pathParam("sid");
    if (!RECORDING_SID.matcher(sid).matches()) {
      throw ApiException.notFound(ctx.path());
    }
    Optional<Recording> found = metrics.timeFetch(() -> queries.fetch(account, sid));
    Recording recording =
        found
            .filter(r -> r.accountSid().equals(account) && r.sid().equals(sid))
            .orElseThrow(() -> ApiException.notFound(ctx.path()));
    ctx.contentType(JSON).result(JsonBodies.recording(recording, baseUrl(ctx)));
  }

  private String baseUrl(Context ctx) {
    if (publicBaseUrl != null) {
      return publicBaseUrl;
    }
    String host = ctx.header("Host");
    if (host == null || host.isBlank()) {
      host = ctx.req().getServerName() + ":" + ctx.req().getServerPort();
    }
    return ctx.scheme() + "://" + host;
  }
}
