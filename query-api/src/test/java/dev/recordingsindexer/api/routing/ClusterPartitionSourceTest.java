package dev.recordingsindexer.api.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.query.QueryUnavailableException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClusterPartitionSourceTest {

  private static final HostInfo SELF = FakeOwners.SELF;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final RoutingMetrics metrics = new RoutingMetrics(registry);
  // Generous: no test here waits for the timeout, and a first call to a fresh in-process peer can
  // take seconds on a loaded 2-core CI machine (it once took over 2 s there).
  private final PeerClient peers =
      new PeerClient(new PeerSecret(PeerServer.SECRET), Duration.ofSeconds(15), 8, metrics);
  private final FakeOwners owners = new FakeOwners();
  private final FakeLocalReplicas local = new FakeLocalReplicas();
  private final ClusterPartitionSource source =
      new ClusterPartitionSource(owners, local, peers, metrics);
  private PeerServer remote;

  @AfterEach
  void stop() {
    peers.close();
    if (remote != null) {
      remote.close();
    }
  }

  @Test
  void shouldReadALocallyActivePartitionHere() throws Exception {
    local.with(0, Replica.ACTIVE, List.of(Recordings.full()));
    owners.set(0, Optional.of(SELF));

    assertThat(get(source.scan(0, Recordings.request()))).containsExactly(Recordings.full());
  }

  @Test
  void shouldAskTheRemoteActiveOwner() throws Exception {
    remote =
        new PeerServer(
            Optional.of(PeerServer.SECRET),
            new FakeLocalReplicas().with(1, Replica.ACTIVE, List.of(Recordings.full())));
    owners.set(1, Optional.of(remote.host()));
    owners.sidPartition = 1;

    assertThat(get(source.scan(1, Recordings.request()))).containsExactly(Recordings.full());
    assertThat(get(source.fetch(Recordings.SID))).contains(Recordings.full());
  }

  @Test
  void shouldFallBackToALocalStandbyWhenTheActiveOwnerIsDown() throws Exception {
    List<Recording> standby = List.of(Recordings.minimal(Recordings.SID));
    local.with(2, Replica.STANDBY, standby);
    owners.set(2, Optional.of(new HostInfo("localhost", closedPort())), SELF);

    assertThat(get(source.scan(2, Recordings.request()))).isEqualTo(standby);
    assertThat(registry.get("recordings.standby.reads").tag("where", "local").counter().count())
        .isEqualTo(1);
  }

  @Test
  void shouldFailUnavailableWhenThePartitionHasNoOwner() {
    owners.set(3, Optional.empty());

    Throwable failure = failureOf(source.scan(3, Recordings.request()));

    assertThat(failure)
        .isInstanceOf(QueryUnavailableException.class)
        .hasMessageContaining("partition 3 has no active or standby owner");
    assertThat(
            registry
                .get("recordings.partition.unavailable")
                .tag("reason", "no_owner")
                .counter()
                .count())
        .isEqualTo(1);
  }

  @Test
  void shouldFailUnavailableNamingEveryCopyTriedWhenNoneAnswers() throws Exception {
    int port = closedPort();
    owners.set(4, Optional.of(new HostInfo("localhost", port)), SELF);

    Throwable failure = failureOf(source.scan(4, Recordings.request()));

    assertThat(failure)
        .isInstanceOf(QueryUnavailableException.class)
        .hasMessageContaining("no copy of partition 4 can answer")
        .hasMessageContaining("active localhost:" + port)
        .hasMessageContaining("standby self:1: no local STANDBY of partition 4");
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static <T> T get(CompletableFuture<T> future) throws Exception {
    return future.get(10, TimeUnit.SECONDS);
  }

  private static Throwable failureOf(CompletableFuture<?> future) {
    Throwable thrown = catchThrowable(() -> future.get(10, TimeUnit.SECONDS));
    assertThat(thrown).isInstanceOf(ExecutionException.class);
    return thrown.getCause();
  }
}
