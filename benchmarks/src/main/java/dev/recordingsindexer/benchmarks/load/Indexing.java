package dev.recordingsindexer.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;

/**
 * Runs the indexer from scratch over the filled topic: forgets the previous run (consumer group,
 * internal topics, state directory), starts a fresh service, and waits until its committed offsets
 * on the input and repartition topics reach their ends, printing progress. Leaves the service
 * running, and records in {@code indexed.properties} that the state is complete.
 */
final class Indexing {

  static final String APPLICATION_ID = "bench-indexer";
  static final String SERVICE = "indexer";
  private static final Duration POLL = Duration.ofMillis(250);

  /**
   * The service, the times from its start to ready and to lag 0, and the CPU seconds the service
   * and the broker used between ready and lag 0.
   */
  record Result(
      ServiceProcess service,
      long events,
      Duration toReady,
      Duration toCaughtUp,
      double serviceCpuSeconds,
      double brokerCpuSeconds) {
    double processingSeconds() {
      return (toCaughtUp.toNanos() - toReady.toNanos()) / 1e9;
    }
  }

  private Indexing() {}

  /** The service's environment for these options. */
  static Map<String, String> env(BenchOptions options) {
    Map<String, String> env = new HashMap<>();
    env.put("APPLICATION_ID", APPLICATION_ID);
    env.put("RECORDINGS_TOPIC", options.get("--topic"));
    env.put("TOPIC_PARTITIONS", options.get("--partitions"));
    env.put("PROCESSING_GUARANTEE", options.get("--guarantee"));
    if (!options.get("--commit-interval-ms").isBlank()) {
      env.put("COMMIT_INTERVAL_MS", options.get("--commit-interval-ms"));
    } else if (options.get("--guarantee").equals("at_least_once")) {
      // Streams commits every 30 s at least once: lag 0 would be seen up to 30 s late
      env.put("COMMIT_INTERVAL_MS", "1000");
    }
    env.put("NUM_STREAM_THREADS", options.get("--stream-threads"));
    for (String setting : options.get("--service-env").split(",")) {
      int equals = setting.indexOf('=');
      if (equals > 0) {
        env.put(setting.substring(0, equals).trim(), setting.substring(equals + 1).trim());
      } else if (!setting.isBlank()) {
        throw new IllegalArgumentException(
            "--service-env takes NAME=VALUE pairs separated by commas, not " + setting);
      }
    }
    return env;
  }

  static Path stateDir(Harness harness) {
    return harness.workDir().resolve(SERVICE).resolve("state");
  }

  static Result indexFresh(Harness harness, BenchOptions options, long events) {
    Markers.delete(harness.workDir(), Markers.INDEXED);
    try (Admin admin = harness.admin()) {
      Topics.deleteApplication(admin, APPLICATION_ID, APPLICATION_ID + "-");
      deleteRecursively(stateDir(harness));
      ServiceProcess service =
          harness.startService(SERVICE, env(options), options.jvmArgs(SERVICE));
      Duration timeout = Duration.ofMinutes(options.integer("--timeout-minutes"));
      Duration toReady = service.awaitReady(timeout);
      System.out.printf("Service ready after %.1f s%n", toReady.toMillis() / 1e3);
      double serviceCpu = CpuClock.seconds(service.pid());
      double brokerCpu = CpuClock.seconds(harness.brokerPid());
      Duration toCaughtUp =
          awaitCaughtUp(
              service,
              new LagProbe(admin, APPLICATION_ID, options.get("--topic")),
              events,
              timeout);
      Markers.write(
          harness.workDir(),
          Markers.INDEXED,
          Map.of(
              "application_id",
              APPLICATION_ID,
              "events",
              String.valueOf(events),
              "guarantee",
              options.get("--guarantee")));
      return new Result(
          service,
          events,
          toReady,
          toCaughtUp,
          CpuClock.seconds(service.pid()) - serviceCpu,
          CpuClock.seconds(harness.brokerPid()) - brokerCpu);
    }
  }

  /**
   * Waits until a service started on kept state has processed everything in the topics (a run
   * before may have left events it had not indexed, such as the restore benchmark's crash step):
   * measuring before that would time the backlog, not the service.
   */
  static void catchUp(Harness harness, BenchOptions options, ServiceProcess service, long events) {
    try (Admin admin = harness.admin()) {
      Duration elapsed =
          awaitCaughtUp(
              service,
              new LagProbe(admin, APPLICATION_ID, options.get("--topic")),
              events,
              Duration.ofMinutes(options.integer("--timeout-minutes")));
      System.out.printf("Caught up with the topics %.1f s after start%n", elapsed.toMillis() / 1e3);
    }
  }

  /** Polls the lag until both topics are fully committed; returns the time since process start. */
  private static Duration awaitCaughtUp(
      ServiceProcess service, LagProbe probe, long events, Duration timeout) {
    Progress progress = new Progress("indexed (committed input offsets)");
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!service.isAlive()) {
        throw new IllegalStateException("the service died:\n" + Processes.tail(service.log(), 40));
      }
      LagProbe.Lag lag = probe.lag();
      if (lag.inputEnd() >= events
          && lag.input() == 0
          && lag.repartition() == 0
          && lag.repartitionEnd() > 0) {
        Duration elapsed = service.sinceStart();
        progress.print(lag.inputCommitted(), lag.toString());
        return elapsed;
      }
      progress.maybePrint(lag.inputCommitted(), lag.toString());
      Processes.sleep(POLL);
    }
    throw new IllegalStateException("not caught up within " + timeout + ": " + probe.lag());
  }

  static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
