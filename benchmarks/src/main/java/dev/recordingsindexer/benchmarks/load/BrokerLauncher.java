package dev.recordingsindexer.benchmarks.load;

import dev.recordingsindexer.api.tools.BrokerCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Launches {@code java -Xmx1g -jar recordings-indexer.jar broker} with its data in {@code
 * workDir/broker} and its output in {@code workDir/broker.log}, and waits for the line carrying its
 * bootstrap address.
 */
final class BrokerLauncher {

  private static final Duration BROKER_START = Duration.ofSeconds(120);
  private static final String READY_LINE = BrokerCommand.READY;

  record Started(Process process, String bootstrapServers) {}

  private BrokerLauncher() {}

  static Started start(Path dir, Path jar) {
    Path log = dir.resolve("broker.log");
    List<String> command =
        List.of(
            Processes.java(),
            "-Xmx1g",
            "-jar",
            jar.toString(),
            "broker",
            "--data-dir",
            dir.resolve("broker").toString(),
            "--port",
            String.valueOf(Processes.freePort()),
            "--controller-port",
            String.valueOf(Processes.freePort()));
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
              .start();
      return new Started(process, awaitBroker(process, log));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the broker: " + command, e);
    }
  }

  /**
   * Copies the service jar into the work directory, so that a rebuild during a run (other work in
   * the same tree) cannot change or break the processes of this run.
   */
  static Path copyJar(Path dir) {
    Path copy = dir.resolve("recordings-indexer.jar");
    try {
      Files.createDirectories(dir);
      Files.copy(Processes.serviceJar(), copy, StandardCopyOption.REPLACE_EXISTING);
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the service jar to " + copy, e);
    }
  }

  private static String awaitBroker(Process process, Path log) throws IOException {
    long deadline = System.nanoTime() + BROKER_START.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the broker exited:\n" + Processes.tail(log, 30));
      }
      Optional<String> ready =
          Files.readAllLines(log, StandardCharsets.UTF_8).stream()
              .filter(line -> line.startsWith(READY_LINE))
              .findFirst();
      if (ready.isPresent()) {
        return ready.get().substring(READY_LINE.length()).trim();
      }
      Processes.sleep(Duration.ofMillis(200));
    }
    Processes.stop(process, Duration.ofSeconds(10));
    throw new IllegalStateException("the broker was not ready in " + BROKER_START);
  }
}
