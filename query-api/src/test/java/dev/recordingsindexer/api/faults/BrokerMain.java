package dev.recordingsindexer.api.faults;

import dev.recordingsindexer.api.broker.BrokerProperties;
import dev.recordingsindexer.api.broker.EmbeddedKafkaBroker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool$;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * The broker of the fault drills as a process of its own, so that a drill can kill it: {@code
 * BrokerMain DATA_DIR BROKER_PORT CONTROLLER_PORT [LISTEN_HOST ADVERTISED_HOST:PORT]}. Without the
 * last two it is exactly the service's {@link EmbeddedKafkaBroker} on 127.0.0.1; with them it
 * listens on {@code LISTEN_HOST} and tells clients to connect to {@code ADVERTISED_HOST:PORT} (a
 * proxy in front of it, or the host side of a network namespace's link), with the same one-node
 * settings otherwise. Prints {@value #READY} once it answers; runs until killed (SIGTERM stops it
 * cleanly).
 */
public final class BrokerMain {

  static final String READY = "FAULT-BROKER-READY";

  private BrokerMain() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args[0]);
    int brokerPort = Integer.parseInt(args[1]);
    int controllerPort = Integer.parseInt(args[2]);
    AutoCloseable broker =
        args.length > 3
            ? startBehind(dataDir, args[3], brokerPort, controllerPort, args[4])
            : EmbeddedKafkaBroker.start(dataDir, brokerPort, controllerPort);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    broker.close();
                  } catch (Exception e) {
                    e.printStackTrace();
                  } finally {
                    stopped.countDown();
                  }
                },
                "broker-stop"));
    System.out.println(READY);
    System.out.flush();
    stopped.await();
  }

  /** The KRaft node with other listener addresses; the settings otherwise are the service's. */
  private static AutoCloseable startBehind(
      Path dataDir, String listenHost, int brokerPort, int controllerPort, String advertised)
      throws IOException {
    Path logDir = dataDir.toAbsolutePath().resolve("logs");
    // The service's one-node settings, with the listener addresses this drill needs.
    Properties p = BrokerProperties.singleNode(logDir, brokerPort, controllerPort);
    p.setProperty(
        "listeners",
        "PLAINTEXT://"
            + listenHost
            + ":"
            + brokerPort
            + ",CONTROLLER://127.0.0.1:"
            + controllerPort);
    p.setProperty("advertised.listeners", "PLAINTEXT://" + advertised);
    if (!Files.exists(logDir.resolve("meta.properties"))) {
      format(dataDir, logDir, p);
    }
    KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(p, false), Time.SYSTEM);
    server.startup();
    return () -> {
      server.shutdown();
      server.awaitShutdown();
    };
  }

  private static void format(Path dataDir, Path logDir, Properties props) throws IOException {
    Files.createDirectories(logDir);
    Path config = dataDir.toAbsolutePath().resolve("server.properties");
    try (OutputStream out = Files.newOutputStream(config)) {
      props.store(out, "fault drill broker");
    }
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int exitCode;
    try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      exitCode =
          StorageTool$.MODULE$.execute(
              new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()},
              print);
    }
    if (exitCode != 0) {
      throw new IllegalStateException(
          "formatting " + logDir + " failed: " + output.toString(StandardCharsets.UTF_8));
    }
  }
}
