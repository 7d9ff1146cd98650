package dev.recordingsindexer.api.tools;

import dev.recordingsindexer.api.broker.EmbeddedKafkaBroker;
import dev.recordingsindexer.api.broker.FreePorts;
import dev.recordingsindexer.api.config.UsageException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code broker [--data-dir D] [--port P] [--controller-port C]}: runs the embedded single-node
 * KRaft broker on its own (for benchmarks and for services started against it) until stopped,
 * printing {@value #READY} followed by its bootstrap address once it answers. The data directory is
 * formatted once and reused, so topics and records survive restarts.
 *
 * <p>Exit codes: 0 stopped; 1 the broker did not start; 2 usage error.
 */
public final class BrokerCommand {

  public static final String USAGE =
      "broker [--data-dir DIR] [--port PORT] [--controller-port PORT]\n"
          + "  runs only the embedded Kafka broker (data in DIR, default ./data/kafka) until"
          + " SIGTERM;\n"
          + "  ports default to free ones";
  public static final String READY = "Kafka broker ready at ";

  /** The parsed flags; a port of 0 means any free port. */
  public record Options(Path dataDir, int port, int controllerPort) {}

  private BrokerCommand() {}

  /** Runs the broker until {@code stop} is released; returns the process exit code. */
  public static int run(List<String> args, PrintStream out, PrintStream err, CountDownLatch stop) {
    Options options;
    try {
      options = parse(args);
    } catch (UsageException e) {
      err.println("error: " + e.getMessage());
      err.println("usage: " + USAGE);
      return 2;
    }
    EmbeddedKafkaBroker broker;
    try {
      broker =
          EmbeddedKafkaBroker.start(
              options.dataDir(),
              options.port() == 0 ? FreePorts.pick() : options.port(),
              options.controllerPort() == 0 ? FreePorts.pick() : options.controllerPort());
    } catch (RuntimeException e) {
      err.println("error: the broker did not start: " + e);
      return 1;
    }
    try (broker) {
      out.println(READY + broker.bootstrapServers());
      out.flush();
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /** Reads the flags. */
  public static Options parse(List<String> args) {
    Path dataDir = Path.of("data", "kafka");
    int port = 0;
    int controllerPort = 0;
    for (int i = 0; i < args.size(); i += 2) {
      String flag = args.get(i);
      if (i + 1 >= args.size()) {
        throw new UsageException(flag + " needs a value");
      }
      String value = args.get(i + 1);
      switch (flag) {
        case "--data-dir" -> dataDir = Path.of(value);
        case "--port" -> port = port(flag, value);
        case "--controller-port" -> controllerPort = port(flag, value);
        default -> throw new UsageException("unknown flag " + flag);
      }
    }
    return new Options(dataDir, port, controllerPort);
  }

  private static int port(String flag, String value) {
    try {
      int port = Integer.parseInt(value);
      if (port >= 0 && port <= 65_535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(flag + " must be a port number (0-65535): " + value);
  }
}
