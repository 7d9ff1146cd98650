package dev.recordingsindexer.api.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

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

class PeerClientTest {

  private static final Duration TIMEOUT = Duration.ofMillis(300);

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final PeerClient client =
      new PeerClient(
          new PeerSecret(PeerServer.SECRET),
          Duration.ofSeconds(5),
          4,
          new RoutingMetrics(registry));
  private AutoCloseable peer;

  @AfterEach
  void stop() throws Exception {
    client.close();
    if (peer != null) {
      peer.close();
    }
  }

  @Test
  void shouldReadAPartitionThroughThePeerRoutes() throws Exception {
    List<Recording> recordings = List.of(Recordings.full(), Recordings.minimal(Recordings.SID));
    PeerServer server =
        new PeerServer(
            Optional.of(PeerServer.SECRET),
            new FakeLocalReplicas().with(5, Replica.ACTIVE, recordings));
    peer = server;

    List<Recording> scanned =
        client.scan(server.host(), 5, Recordings.fullRequest()).get(5, TimeUnit.SECONDS);
    Optional<Recording> fetched =
        client.fetch(server.host(), 5, Recordings.SID).get(5, TimeUnit.SECONDS);

    assertThat(scanned).isEqualTo(recordings);
    assertThat(fetched).contains(Recordings.full());
    assertThat(
            registry
                .get("recordings.peer.calls")
                .tag("outcome", "success")
                .tag("operation", "scan")
                .timer()
                .count())
        .isEqualTo(1);
  }

  @Test
  void shouldFailWithinTheTimeoutWhenThePeerHangs() throws Exception {
    StubPeer stub = StubPeer.hanging();
    peer = stub;
    Throwable failure;
    long started = System.nanoTime();
    try (PeerClient quick =
        new PeerClient(
            new PeerSecret(PeerServer.SECRET), TIMEOUT, 4, new RoutingMetrics(registry))) {
      failure = failureOf(quick.scan(stub.host(), 3, Recordings.request()));
    }

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT.plusMillis(700));
    assertThat(failure)
        .isInstanceOf(QueryUnavailableException.class)
        .hasMessageContaining(stub.host().host() + ":" + stub.host().port())
        .hasMessageContaining("partition 3")
        .hasMessageContaining("no answer within 300 ms");
    // The timer is recorded by the call's completion callback, which may run just after the caller
    // sees the failure.
    await()
        .atMost(Duration.ofSeconds(5))
        .ignoreExceptions() // the meter is registered by that callback too
        .untilAsserted(
            () ->
                assertThat(
                        registry
                            .get("recordings.peer.calls")
                            .tag("outcome", "timeout")
                            .timer()
                            .count())
                    .isEqualTo(1));
  }

  @Test
  void shouldFailUnavailableWhenThePeerAnswersAServerError() throws Exception {
    StubPeer stub = StubPeer.answering(500, "{\"reason\": \"boom\"}");
    peer = stub;

    Throwable failure = failureOf(client.fetch(stub.host(), 1, Recordings.SID));

    assertThat(failure)
        .isInstanceOf(QueryUnavailableException.class)
        .hasMessageContaining("partition 1")
        .hasMessageContaining("answered 500: boom");
  }

  @Test
  void shouldFailUnavailableWhenThePeerAnswersABadBody() throws Exception {
    StubPeer stub = StubPeer.answering(200, "{\"recordings\": \"no\"}");
    peer = stub;

    assertThat(failureOf(client.scan(stub.host(), 0, Recordings.request())))
        .isInstanceOf(QueryUnavailableException.class)
        .hasMessageContaining("bad peer body");
  }

  @Test
  void shouldPassOnThePeersReasonWhenItIsUnavailable() throws Exception {
    StubPeer stub = StubPeer.answering(503, "{\"reason\": \"partition 0 is restoring\"}");
    peer = stub;

    assertThat(failureOf(client.scan(stub.host(), 0, Recordings.request())))
        .isInstanceOf(QueryUnavailableException.class)
        .hasMessageContaining("unavailable: partition 0 is restoring");
  }

  @Test
  void shouldFailUnavailableWhenThePeerRefusesConnections() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }

    assertThat(failureOf(client.scan(new HostInfo("localhost", port), 2, Recordings.request())))
        .isInstanceOf(QueryUnavailableException.class)
        .hasMessageContaining("localhost:" + port)
        .hasMessageContaining("partition 2");
  }

  @Test
  void shouldRejectCallsBeyondTheConcurrencyLimitAtOnce() throws Exception {
    StubPeer stub = StubPeer.hanging();
    peer = stub;
    try (PeerClient single =
        new PeerClient(
            new PeerSecret(PeerServer.SECRET),
            Duration.ofSeconds(30),
            1,
            new RoutingMetrics(registry))) {
      CompletableFuture<List<Recording>> first = single.scan(stub.host(), 0, Recordings.request());

      Throwable second = failureOf(single.scan(stub.host(), 1, Recordings.request()));

      assertThat(first).isNotDone();
      assertThat(second)
          .isInstanceOf(QueryUnavailableException.class)
          .hasMessageContaining("1 peer calls already in flight");
    }
  }

  private static Throwable failureOf(CompletableFuture<?> future) {
    Throwable thrown = catchThrowable(() -> future.get(10, TimeUnit.SECONDS));
    assertThat(thrown).isInstanceOf(ExecutionException.class);
    return thrown.getCause();
  }
}
