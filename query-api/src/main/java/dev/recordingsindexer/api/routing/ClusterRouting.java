package dev.recordingsindexer.api.routing;

import dev.recordingsindexer.api.http.Readiness;
import dev.recordingsindexer.indexer.query.PartitionScanner;
import dev.recordingsindexer.indexer.query.RecordingQueries;
import dev.recordingsindexer.indexer.query.ScatterGatherQueries;
import dev.recordingsindexer.indexer.store.RecordingStore;
import io.javalin.config.RoutesConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The read path of an instance that shares its {@code APPLICATION_ID} with others: queries ask the
 * owner of every partition (this instance's stores directly, the others through their peer
 * endpoint, standbys within the lag bound when an active cannot answer) and merge the answers; the
 * peer endpoint answers the others. Close it after the HTTP server, before the streams client.
 */
public final class ClusterRouting implements AutoCloseable {

  /** Calls in flight to other instances at once, over all peers. */
  private static final int MAX_CONCURRENT_PEER_CALLS = 64;

  private final PeerClient peers;
  private final RecordingQueries queries;
  private final Readiness readiness;
  private final PeerRoutes routes;

  private ClusterRouting(
      PeerClient peers, RecordingQueries queries, Readiness readiness, PeerRoutes routes) {
    this.peers = peers;
    this.queries = queries;
    this.readiness = readiness;
    this.routes = routes;
  }

  /**
   * Wires the cluster read path.
   *
   * @param self this instance's {@code application.server}
   * @param peerTimeout how long a query waits for any partition's answer
   * @param maxStandbyLag how far a standby may trail (records) and still answer
   * @param localReadiness whether this instance's own streams are running and restored
   */
  public static ClusterRouting create(
      KafkaStreams streams,
      String applicationId,
      HostInfo self,
      String peerSecret,
      Duration peerTimeout,
      long maxStandbyLag,
      Readiness localReadiness,
      MeterRegistry registry) {
    Objects.requireNonNull(peerSecret, "peerSecret");
    PartitionOwners owners =
        PartitionOwners.of(
            streams, RecordingStore.NAME, applicationId + "-recordings-by-sid-repartition", self);
    RoutingMetrics metrics = new RoutingMetrics(registry);
    LocalReplicas local =
        new StreamsLocalReplicas(
            streams, RecordingStore.NAME, maxStandbyLag, PartitionScanner::scan);
    PeerSecret secret = new PeerSecret(peerSecret);
    PeerClient peers = new PeerClient(secret, peerTimeout, MAX_CONCURRENT_PEER_CALLS, metrics);
    ClusterPartitionSource source = new ClusterPartitionSource(owners, local, peers, metrics);
    return new ClusterRouting(
        peers,
        new ScatterGatherQueries(source, peerTimeout),
        new ClusterReadiness(owners, localReadiness),
        new PeerRoutes(Optional.of(secret), local, metrics));
  }

  /** Complete answers from every partition's owner. */
  public RecordingQueries queries() {
    return queries;
  }

  /** Ready when this instance is and every partition has a queryable owner. */
  public Readiness readiness() {
    return readiness;
  }

  /** Registers the peer endpoint ({@code /internal/v1/...}) on the API's routes. */
  public Consumer<RoutesConfig> peerEndpoint() {
    return routes::register;
  }

  @Override
  public void close() {
    peers.close();
  }
}
