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
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One service instance as its own process: the shaded jar ({@code target/recordings-indexer.jar},
 * built by {@code package}, or the {@code faults.jar} system property) with the given environment,
 * optionally behind a command prefix such as {@code ip netns exec NS}. Each start writes {@code
 * NAME-N.out} and {@code NAME-N.log} (stderr, where the service logs) in its directory. Not
 * thread-safe, except {@link #isAlive} and {@link #readiness}; {@link #close} kills it.
 */
final class InstanceProcess implements AutoCloseable {

  static final Path JAR =
      Path.of(System.getProperty("faults.jar", "target/recordings-indexer.jar")).toAbsolutePath();

  private static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private final String name;
  private final Path dir;
  private final Map<String, String> environment;
  private final List<String> prefix;
  private final String baseUrl;
  private final ApiClient client = new ApiClient(Duration.ofSeconds(5));
  private final List<Path> logs = new ArrayList<>();
  private volatile Process process;
  private List<String> jvmOptions = List.of("-Xmx384m");

  /**
   * @param name names the log files and the messages
   * @param dir where the logs go
   * @param environment the service's settings (replacing any inherited variable of the same name)
   * @param prefix a command that runs the JVM (e.g. in a network namespace); empty for none
   * @param baseUrl where the tests reach its HTTP API
   */
  InstanceProcess(
      String name, Path dir, Map<String, String> environment, List<String> prefix, String baseUrl) {
    this.name = name;
    this.dir = dir;
    this.environment = Map.copyOf(environment);
    this.prefix = List.copyOf(prefix);
    this.baseUrl = baseUrl;
  }

  String name() {
    return name;
  }

  String baseUrl() {
    return baseUrl;
  }

  Path stateDir() {
    return Path.of(environment.get("STATE_DIR"));
  }

  /**
   * The Kafka Streams process id this instance keeps in its state directory; its transactional ids
   * contain it. Empty until its streams client has started once.
   */
  Optional<String> streamsProcessId() {
    Path file =
        stateDir()
            .resolve(environment.get("APPLICATION_ID"))
            .resolve("kafka-streams-process-metadata");
    try {
      Matcher uuid = UUID.matcher(Files.readString(file));
      return uuid.find() ? Optional.of(uuid.group()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Replaces the JVM options of the next starts ({@code -Xmx384m} unless set). */
  InstanceProcess jvmOptions(String... options) {
    jvmOptions = List.of(options);
    return this;
  }

  /** Starts the process (again, with the same settings and state directory). */
  InstanceProcess start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(name + " runs already");
    }
    if (!Files.exists(JAR)) {
      throw new IllegalStateException("no service jar at " + JAR + ": run mvn package first");
    }
    int start = logs.size() + 1;
    Path log = dir.resolve(name + "-" + start + ".log");
    logs.add(log);
    List<String> command = new ArrayList<>(prefix);
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(JAR.toString());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(dir.resolve(name + "-" + start + ".out").toFile())
            .redirectError(log.toFile());
    builder.environment().putAll(environment);
    try {
      Files.createDirectories(dir);
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
    return this;
  }

  /**
   * Waits until {@code /readyz} answers 200, failing fast when the process exits; a timeout names
   * the last answer (the reason it was not ready) and the log.
   */
  InstanceProcess awaitReady(Duration atMost) {
    AtomicReference<ApiClient.Answer> last = new AtomicReference<>();
    try {
      await(name + " answers /readyz with 200")
          .atMost(atMost)
          .pollInterval(Duration.ofMillis(250))
          .failFast(name + " exited, see " + currentLog(), () -> !isAlive())
          .until(
              () -> {
                ApiClient.Answer answer = readiness();
                last.set(answer);
                return answer.status() == 200;
              });
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          name + " not ready within " + atMost + "; last " + last.get() + "; see " + currentLog(),
          e);
    }
    return this;
  }

  /** {@code GET /readyz}; status -1 when nothing answers. */
  ApiClient.Answer readiness() {
    return client.get(baseUrl + "/readyz", null);
  }

  boolean isAlive() {
    Process current = process;
    return current != null && current.isAlive();
  }

  /** The exit status, when the process has ended. */
  OptionalInt exitStatus() {
    Process current = process;
    return current == null || current.isAlive()
        ? OptionalInt.empty()
        : OptionalInt.of(current.exitValue());
  }

  long pid() {
    return process.pid();
  }

  /** SIGKILL: a crash with no chance to commit, close or leave the group; waits until gone. */
  void kill() {
    Os.signal(process.pid(), "KILL");
    waitForExit(Duration.ofSeconds(30));
  }

  /** SIGSTOP: the process freezes (a very long GC pause) with its sockets open. */
  void pause() {
    Os.signal(process.pid(), "STOP");
  }

  /** SIGCONT after {@link #pause}. */
  void resume() {
    Os.signal(process.pid(), "CONT");
  }

  /** SIGTERM: the service's clean shutdown; waits until gone. */
  void stop() {
    process.destroy();
    waitForExit(Duration.ofMinutes(1));
  }

  private void waitForExit(Duration atMost) {
    try {
      if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException(name + " did not exit within " + atMost);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + name, e);
    }
  }

  /** The log of the current (or last) start. */
  Path currentLog() {
    return logs.get(logs.size() - 1);
  }

  /** Every start's log, concatenated. */
  String allLogs() {
    StringBuilder text = new StringBuilder();
    for (Path log : logs) {
      try {
        text.append(Files.readString(log));
      } catch (IOException e) {
        text.append("(cannot read ").append(log).append(": ").append(e).append(")\n");
      }
    }
    return text.toString();
  }

  @Override
  public void close() {
    Process current = process;
    if (current != null && current.isAlive()) {
      Os.tryRun("kill", "-CONT", Long.toString(current.pid()));
      current.destroyForcibly();
      try {
        current.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public String toString() {
    return name + " at " + baseUrl;
  }
}
