package dev.recordingsindexer.api.routing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The routing meters: {@code recordings.peer.calls} (timer by {@code peer}, {@code operation} and
 * {@code outcome}), {@code recordings.standby.reads} (counter by {@code where}: local or remote),
 * and {@code recordings.partition.unavailable} (counter by {@code reason}: one per partition read
 * that found no queryable copy, which turns the query into a 503). Tag values are bounded: peers
 * are the application's instances, outcomes and reasons enums. Thread-safe.
 */
public final class RoutingMetrics {

  /** How a call to a peer ended. */
  enum Outcome {
    SUCCESS,
    TIMEOUT,
    CONNECT_ERROR,
    UNAVAILABLE,
    HTTP_ERROR,
    BAD_BODY,
    REJECTED
  }

  /** Why a partition had no queryable copy. */
  enum Reason {
    NO_METADATA,
    NO_OWNER,
    OWNERS_FAILED
  }

  private final MeterRegistry registry;

  public RoutingMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  void peerCall(String peer, String operation, Outcome outcome, Duration elapsed) {
    Timer.builder("recordings.peer.calls")
        .description("Calls to other instances for one partition")
        .tag("peer", peer)
        .tag("operation", operation)
        .tag("outcome", tag(outcome))
        .publishPercentileHistogram()
        .register(registry)
        .record(elapsed);
  }

  void standbyRead(boolean local) {
    Counter.builder("recordings.standby.reads")
        .description("Partition reads answered by a standby replica")
        .tag("where", local ? "local" : "remote")
        .register(registry)
        .increment();
  }

  void unavailable(Reason reason) {
    Counter.builder("recordings.partition.unavailable")
        .description("Partition reads that found no queryable copy (the query answers 503)")
        .tag("reason", tag(reason))
        .register(registry)
        .increment();
  }

  private static String tag(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
