package dev.recordingsindexer.api.routing;

import dev.recordingsindexer.indexer.query.PartitionScanRequest;
import dev.recordingsindexer.indexer.query.QueryUnavailableException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The internal endpoints other instances call, under {@value #PREFIX} (outside {@code /v1}, so
 * account credentials never apply there):
 *
 * <ul>
 *   <li>{@code POST /internal/v1/partitions/{p}/scan}, body a {@link PeerWire#request} : 200 with
 *       {@link PeerWire#recordings};
 *   <li>{@code GET /internal/v1/partitions/{p}/recordings/{sid}}: 200 with {@link
 *       PeerWire#recording} (null when unknown).
 * </ul>
 *
 * <p>Every call must carry {@link PeerSecret#HEADER}; without it or with another value: 401, no
 * data. Without a configured secret nothing is registered, so the paths answer 404. A partition is
 * read from the local active task, else from a local replica within {@code MAX_STANDBY_LAG}; when
 * neither can answer: 503 with {@code Retry-After} and both reasons. A bad partition number or
 * body: 400. Bodies of non-200 answers are {@link PeerWire#error}. Handlers run on the HTTP worker
 * thread; local reads are short RocksDB scans bounded by the request's limit.
 */
public final class PeerRoutes {

  /** The path prefix of every internal route. */
  public static final String PREFIX = "/internal/v1/";

  static final String SCAN_PATH = PREFIX + "partitions/{partition}/scan";
  static final String FETCH_PATH = PREFIX + "partitions/{partition}/recordings/{sid}";

  private final Optional<PeerSecret> secret;
  private final LocalReplicas local;
  private final RoutingMetrics metrics;

  public PeerRoutes(Optional<PeerSecret> secret, LocalReplicas local, RoutingMetrics metrics) {
    this.secret = Objects.requireNonNull(secret, "secret");
    this.local = Objects.requireNonNull(local, "local");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  /** Adds the internal routes; adds nothing when no peer secret is configured. */
  public void register(RoutesConfig routes) {
    if (secret.isEmpty()) {
      return;
    }
    routes.post(SCAN_PATH, this::scan);
    routes.get(FETCH_PATH, this::fetch);
  }

  private void scan(Context ctx) {
    if (!authenticated(ctx)) {
      return;
    }
    Integer partition = partition(ctx);
    if (partition == null) {
      return;
    }
    PartitionScanRequest request;
    try {
      request = PeerWire.parseRequest(ctx.bodyAsBytes());
    } catch (PeerWire.BadPeerBody e) {
      answer(ctx, 400, PeerWire.error(e.getMessage()));
      return;
    }
    read(ctx, partition, replica -> local.scan(partition, request, replica))
        .ifPresent(matches -> answer(ctx, 200, PeerWire.recordings(matches)));
  }

  private void fetch(Context ctx) {
    if (!authenticated(ctx)) {
      return;
    }
    Integer partition = partition(ctx);
    if (partition == null) {
      return;
    }
    String sid = ctx.pathParam("sid");
    read(ctx, partition, replica -> local.fetch(partition, sid, replica))
        .ifPresent(recording -> answer(ctx, 200, PeerWire.recording(recording)));
  }

  /** The answer from the active task, else a replica; empty after answering 503. */
  private <T> Optional<T> read(Context ctx, int partition, Function<Replica, T> reading) {
    QueryUnavailableException activeFailure;
    try {
      return Optional.of(reading.apply(Replica.ACTIVE));
    } catch (QueryUnavailableException e) {
      activeFailure = e;
    }
    try {
      T answer = reading.apply(Replica.STANDBY);
      metrics.standbyRead(true);
      return Optional.of(answer);
    } catch (QueryUnavailableException e) {
      long seconds = Math.max(1, e.retryAfter().toSeconds());
      ctx.header("Retry-After", Long.toString(seconds));
      answer(
          ctx,
          503,
          PeerWire.error(
              "partition "
                  + partition
                  + " cannot be read here: "
                  + activeFailure.getMessage()
                  + "; "
                  + e.getMessage()));
      return Optional.empty();
    }
  }

  private boolean authenticated(Context ctx) {
    if (secret.orElseThrow().matches(ctx.header(PeerSecret.HEADER))) {
      return true;
    }
    answer(ctx, 401, PeerWire.error("missing or wrong " + PeerSecret.HEADER));
    return false;
  }

  private static Integer partition(Context ctx) {
    String text = ctx.pathParam("partition");
    try {
      int partition = Integer.parseInt(text);
      if (partition >= 0) {
        return partition;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    answer(ctx, 400, PeerWire.error("bad partition: " + text));
    return null;
  }

  private static void answer(Context ctx, int status, byte[] body) {
    ctx.status(status);
    ctx.contentType("application/json");
    ctx.result(body);
  }
}
