package dev.recordingsindexer.api.faults;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A {@link BrokerMain} in a JVM of its own, on fixed ports and one data directory, so that it can
 * be killed and started again as the same broker. Output goes to {@code broker-N.log} in its
 * directory (N counts the starts). Not thread-safe; {@link #close} kills it if it still runs.
 */
final class BrokerProcess implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

  private final Path dir;
  private final List<String> arguments;
  private final String bootstrapServers;
  private Process process;
  private int starts;

  private BrokerProcess(Path dir, List<String> arguments, String bootstrapServers) {
    this.dir = dir;
    this.arguments = arguments;
    this.bootstrapServers = bootstrapServers;
  }

  /** A broker on 127.0.0.1, the service's own embedded broker in another process. */
  static BrokerProcess onLoopback(Path dir, int brokerPort, int controllerPort) {
    return new BrokerProcess(
        dir,
        List.of(
            dir.resolve("data").toString(),
            Integer.toString(brokerPort),
            Integer.toString(controllerPort)),
        "127.0.0.1:" + brokerPort);
  }

  /**
   * A broker listening on {@code listenHost:brokerPort} that tells clients to use {@code
   * advertised} ({@code host:port}) instead.
   */
  static BrokerProcess advertising(
      Path dir, String listenHost, int brokerPort, int controllerPort, String advertised) {
    return new BrokerProcess(
        dir,
        List.of(
            dir.resolve("data").toString(),
            Integer.toString(brokerPort),
            Integer.toString(controllerPort),
            listenHost,
            advertised),
        advertised);
  }

  /** The {@code bootstrap.servers} clients use (the advertised address). */
  String bootstrapServers() {
    return bootstrapServers;
  }

  /** Starts the broker (again, on the same data and ports) and waits until it answers. */
  BrokerProcess start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("the broker runs already");
    }
    starts++;
    Path log = dir.resolve("broker-" + starts + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(BrokerMain.class.getName());
    command.addAll(arguments);
    try {
      Files.createDirectories(dir);
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the broker", e);
    }
    Process started = process;
    await("the broker process prints " + BrokerMain.READY + " (" + log + ")")
        .atMost(START_TIMEOUT)
        .pollInterval(Duration.ofMillis(200))
        .failFast("the broker process exited, see " + log, () -> !started.isAlive())
        .until(() -> Files.readString(log).contains(BrokerMain.READY));
    await("the broker answers metadata requests at " + bootstrapServers)
        .atMost(START_TIMEOUT)
        .pollInterval(Duration.ofMillis(200))
        .failFast("the broker process exited, see " + log, () -> !started.isAlive())
        .until(this::answers);
    return this;
  }

  /** Kills the broker with SIGKILL (no clean shutdown) and waits until it is gone. */
  void kill() {
    Os.signal(process.pid(), "KILL");
    waitForExit();
  }

  /** Stops the broker with SIGTERM (a clean shutdown) and waits until it is gone. */
  void stop() {
    process.destroy();
    waitForExit();
  }

  private void waitForExit() {
    try {
      if (!process.waitFor(1, TimeUnit.MINUTES)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping the broker", e);
    }
  }

  private boolean answers() {
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                5_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                5_000))) {
      return !admin.describeCluster().nodes().get(6, TimeUnit.SECONDS).isEmpty();
    } catch (Exception e) {
      return false;
    }
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
