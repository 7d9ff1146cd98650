package dev.recordingsindexer.api.routing;

import dev.recordingsindexer.api.routing.RoutingMetrics.Outcome;
import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.query.PartitionScanRequest;
import dev.recordingsindexer.indexer.query.QueryUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Calls the {@link PeerRoutes} of other instances, asynchronously: no thread waits for a peer. Each
 * call completes within {@code timeout} (connecting, answering and reading the body together); at
 * most {@code maxConcurrentCalls} are in flight, and a call beyond that fails at once rather than
 * queue. Every failure (timeout, connection refused, a non-200 answer, a body that does not decode,
 * the limit) completes the future with a {@link QueryUnavailableException} naming the peer and the
 * partition; nothing is retried here. Thread-safe; {@link #close()} stops its threads.
 */
public final class PeerClient implements AutoCloseable {

  private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

  private final PeerSecret secret;
  private final Duration timeout;
  private final RoutingMetrics metrics;
  private final Semaphore permits;
  private final int maxConcurrentCalls;
  private final ExecutorService executor;
  private final HttpClient client;

  /**
   * @param timeout the most one call may take ({@code PEER_TIMEOUT_MS})
   * @param maxConcurrentCalls calls in flight at once, over all peers, >= 1
   */
  public PeerClient(
      PeerSecret secret, Duration timeout, int maxConcurrentCalls, RoutingMetrics metrics) {
    this.secret = Objects.requireNonNull(secret, "secret");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    if (maxConcurrentCalls < 1) {
      throw new IllegalArgumentException("maxConcurrentCalls must be >= 1: " + maxConcurrentCalls);
    }
    this.maxConcurrentCalls = maxConcurrentCalls;
    this.permits = new Semaphore(maxConcurrentCalls);
    AtomicInteger threads = new AtomicInteger();
    this.executor =
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread = new Thread(runnable, "peer-client-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .executor(executor)
            .build();
  }

  /** The matches of {@code request} in {@code partition}, as {@code peer} reads them. */
  public CompletableFuture<List<Recording>> scan(
      HostInfo peer, int partition, PartitionScanRequest request) {
    HttpRequest http =
        builder(peer, "partitions/" + partition + "/scan")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(PeerWire.request(request)))
            .build();
    return call(peer, partition, "scan", http, PeerWire::parseRecordings);
  }

  /** The recording with this SID in {@code partition}, as {@code peer} reads it. */
  public CompletableFuture<Optional<Recording>> fetch(HostInfo peer, int partition, String sid) {
    String encoded = URLEncoder.encode(sid, StandardCharsets.UTF_8).replace("+", "%20");
    HttpRequest http =
        builder(peer, "partitions/" + partition + "/recordings/" + encoded).GET().build();
    return call(peer, partition, "fetch", http, PeerWire::parseRecording);
  }

  /** Stops the client's threads; calls in flight fail. */
  @Override
  public void close() {
    executor.shutdownNow();
  }

  private HttpRequest.Builder builder(HostInfo peer, String path) {
    return HttpRequest.newBuilder(
            URI.create("http://" + peer.host() + ":" + peer.port() + PeerRoutes.PREFIX + path))
        .timeout(timeout)
        .header(PeerSecret.HEADER, secret.headerValue());
  }

  private <T> CompletableFuture<T> call(
      HostInfo peer,
      int partition,
      String operation,
      HttpRequest http,
      Function<byte[], T> decode) {
    Call<T> call = new Call<>(peer, partition, operation);
    if (!permits.tryAcquire()) {
      call.fail(Outcome.REJECTED, maxConcurrentCalls + " peer calls already in flight", null);
      return call.result;
    }
    call.result.whenComplete((value, failure) -> permits.release());
    CompletableFuture<HttpResponse<byte[]>> sent;
    try {
      sent = client.sendAsync(http, HttpResponse.BodyHandlers.ofByteArray());
    } catch (RuntimeException e) {
      call.fail(Outcome.CONNECT_ERROR, "cannot send: " + e.getMessage(), e);
      return call.result;
    }
    CompletableFuture.delayedExecutor(timeout.toNanos(), TimeUnit.NANOSECONDS)
        .execute(
            () -> {
              if (call.fail(
                  Outcome.TIMEOUT, "no answer within " + timeout.toMillis() + " ms", null)) {
                sent.cancel(true);
              }
            });
    sent.whenComplete(
        (response, failure) -> {
          if (failure != null) {
            call.failWith(failure);
          } else {
            call.answer(response, decode);
          }
        });
    return call.result;
  }

  /** One call's result; the first completion wins and alone is measured. */
  private final class Call<T> {
    final CompletableFuture<T> result = new CompletableFuture<>();
    final HostInfo peer;
    final int partition;
    final String operation;
    final long started = System.nanoTime();

    Call(HostInfo peer, int partition, String operation) {
      this.peer = peer;
      this.partition = partition;
      this.operation = operation;
    }

    void answer(HttpResponse<byte[]> response, Function<byte[], T> decode) {
      int status = response.statusCode();
      if (status == 200) {
        T value;
        try {
          value = decode.apply(response.body());
        } catch (PeerWire.BadPeerBody e) {
          fail(Outcome.BAD_BODY, e.getMessage(), e);
          return;
        }
        if (result.complete(value)) {
          record(Outcome.SUCCESS);
        }
      } else if (status == 503) {
        fail(Outcome.UNAVAILABLE, "unavailable: " + PeerWire.parseError(response.body()), null);
      } else {
        fail(
            Outcome.HTTP_ERROR,
            "answered " + status + ": " + PeerWire.parseError(response.body()),
            null);
      }
    }

    void failWith(Throwable failure) {
      Throwable cause =
          failure instanceof CompletionException && failure.getCause() != null
              ? failure.getCause()
              : failure;
      if (cause instanceof HttpTimeoutException) {
        fail(Outcome.TIMEOUT, "no answer within " + timeout.toMillis() + " ms", cause);
      } else if (cause instanceof IOException) {
        fail(Outcome.CONNECT_ERROR, "unreachable: " + cause, cause);
      } else {
        fail(Outcome.CONNECT_ERROR, "call failed: " + cause, cause);
      }
    }

    boolean fail(Outcome outcome, String reason, Throwable cause) {
      String message =
          "peer " + name() + " could not " + operation + " partition " + partition + ": " + reason;
      QueryUnavailableException failure =
          cause == null
              ? new QueryUnavailableException(message, RETRY_AFTER)
              : new QueryUnavailableException(message, RETRY_AFTER, cause);
      if (result.completeExceptionally(failure)) {
        record(outcome);
        return true;
      }
      return false;
    }

    private void record(Outcome outcome) {
      metrics.peerCall(name(), operation, outcome, Duration.ofNanos(System.nanoTime() - started));
    }

    private String name() {
      return peer.host() + ":" + peer.port();
    }
  }
}
