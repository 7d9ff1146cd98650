package dev.recordingsindexer.api.routing;

import dev.recordingsindexer.api.routing.PartitionOwners.Owners;
import dev.recordingsindexer.api.routing.RoutingMetrics.Reason;
import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.query.PartitionScanRequest;
import dev.recordingsindexer.indexer.query.PartitionSource;
import dev.recordingsindexer.indexer.query.QueryUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The partitions of the recordings store wherever they live in the cluster. Each partition is read
 * from the first copy that answers, in this order: the active task (locally when this instance
 * holds it, else through {@link PeerClient}), then each standby replica (locally within {@code
 * MAX_STANDBY_LAG}, else through its instance, which applies the same bound). When none answers, or
 * the partition has no owner at all (rebalancing), the future fails with a {@link
 * QueryUnavailableException} listing every copy tried and why: never a partial answer.
 *
 * <p>A failure other than {@link QueryUnavailableException} (a bug) fails the future at once,
 * without trying other copies. Local reads run on the calling thread (short, bounded scans); remote
 * reads never block it. Thread-safe.
 */
public final class ClusterPartitionSource implements PartitionSource {

  private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

  private final PartitionOwners owners;
  private final LocalReplicas local;
  private final PeerClient peers;
  private final RoutingMetrics metrics;

  public ClusterPartitionSource(
      PartitionOwners owners, LocalReplicas local, PeerClient peers, RoutingMetrics metrics) {
    this.owners = Objects.requireNonNull(owners, "owners");
    this.local = Objects.requireNonNull(local, "local");
    this.peers = Objects.requireNonNull(peers, "peers");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  @Override
  public int partitionCount() {
    try {
      return owners.partitionCount();
    } catch (QueryUnavailableException e) {
      metrics.unavailable(Reason.NO_METADATA);
      throw e;
    }
  }

  @Override
  public CompletableFuture<List<Recording>> scan(int partition, PartitionScanRequest request) {
    Objects.requireNonNull(request, "request");
    return read(
        partition,
        replica -> local.scan(partition, request, replica),
        host -> peers.scan(host, partition, request));
  }

  @Override
  public CompletableFuture<Optional<Recording>> fetch(String sid) {
    Objects.requireNonNull(sid, "sid");
    int partition;
    try {
      partition = owners.partitionOf(sid);
    } catch (QueryUnavailableException e) {
      metrics.unavailable(Reason.NO_METADATA);
      return CompletableFuture.failedFuture(e);
    }
    return read(
        partition,
        replica -> local.fetch(partition, sid, replica),
        host -> peers.fetch(host, partition, sid));
  }

  private <T> CompletableFuture<T> read(
      int partition,
      Function<Replica, T> localRead,
      Function<HostInfo, CompletableFuture<T>> remoteRead) {
    Owners found;
    try {
      found = owners.owners(partition);
    } catch (QueryUnavailableException e) {
      metrics.unavailable(Reason.NO_METADATA);
      return CompletableFuture.failedFuture(e);
    }
    List<Attempt<T>> attempts = new ArrayList<>();
    found.active().ifPresent(host -> attempts.add(attempt(host, false, localRead, remoteRead)));
    for (HostInfo host : found.standbys()) {
      attempts.add(attempt(host, true, localRead, remoteRead));
    }
    if (attempts.isEmpty()) {
      metrics.unavailable(Reason.NO_OWNER);
      return CompletableFuture.failedFuture(
          new QueryUnavailableException(
              "partition " + partition + " has no active or standby owner (rebalancing)",
              RETRY_AFTER));
    }
    return tryInOrder(partition, attempts, 0, new ArrayList<>());
  }

  private <T> Attempt<T> attempt(
      HostInfo host,
      boolean standby,
      Function<Replica, T> localRead,
      Function<HostInfo, CompletableFuture<T>> remoteRead) {
    boolean isLocal = host.equals(owners.self());
    String label = (standby ? "standby " : "active ") + host.host() + ":" + host.port();
    return new Attempt<>(
        label,
        () -> {
          CompletableFuture<T> answer =
              isLocal
                  ? readLocally(localRead, standby ? Replica.STANDBY : Replica.ACTIVE)
                  : remoteRead.apply(host);
          return standby ? answer.thenApply(value -> countStandby(value, isLocal)) : answer;
        });
  }

  private <T> T countStandby(T value, boolean isLocal) {
    metrics.standbyRead(isLocal);
    return value;
  }

  private static <T> CompletableFuture<T> readLocally(Function<Replica, T> read, Replica replica) {
    try {
      return CompletableFuture.completedFuture(read.apply(replica));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private <T> CompletableFuture<T> tryInOrder(
      int partition, List<Attempt<T>> attempts, int next, List<String> reasons) {
    if (next == attempts.size()) {
      metrics.unavailable(Reason.OWNERS_FAILED);
      return CompletableFuture.failedFuture(
          new QueryUnavailableException(
              "no copy of partition " + partition + " can answer: " + String.join("; ", reasons),
              RETRY_AFTER));
    }
    Attempt<T> attempt = attempts.get(next);
    return attempt
        .start()
        .handle(
            (BiFunction<T, Throwable, CompletableFuture<T>>)
                (value, failure) -> {
                  if (failure == null) {
                    return CompletableFuture.completedFuture(value);
                  }
                  Throwable cause = unwrap(failure);
                  if (!(cause instanceof QueryUnavailableException)) {
                    return CompletableFuture.failedFuture(cause);
                  }
                  reasons.add(attempt.label() + ": " + cause.getMessage());
                  return tryInOrder(partition, attempts, next + 1, reasons);
                })
        .thenCompose(Function.identity());
  }

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }

  /** One copy to try: its description for the failure message, and how to start reading it. */
  private record Attempt<T>(String label, Supplier<CompletableFuture<T>> read) {
    CompletableFuture<T> start() {
      try {
        return read.get();
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    }
  }
}
