package dev.recordingsindexer.api.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool$;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka cluster (one KRaft process that is broker and controller) running in
 * this JVM, with its data in a directory of its own. The directory is formatted on first start and
 * reused afterwards, so topics and records survive a restart.
 *
 * <p>Not thread-safe; {@link #close()} must be called to release the ports and the directory.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final KafkaRaftServer server;
  private final String bootstrapServers;
  private boolean closed;

  private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
  }

  /** Starts a broker on free ports; see {@link #start(Path, int, int)}. */
  public static EmbeddedKafkaBroker start(Path dataDir) {
    return start(dataDir, FreePorts.pick(), FreePorts.pick());
  }

  /**
   * Formats {@code dataDir} unless it already holds a cluster, starts the broker on 127.0.0.1 and
   * returns once it answers metadata requests.
   *
   * @throws IllegalStateException when formatting fails or the broker does not become ready
   */
  public static EmbeddedKafkaBroker start(Path dataDir, int brokerPort, int controllerPort) {
    Path logDir = dataDir.toAbsolutePath().resolve("logs");
    Properties props = BrokerProperties.singleNode(logDir, brokerPort, controllerPort);
    formatOnce(dataDir, logDir, props);
    KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
    server.startup();
    EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, "127.0.0.1:" + brokerPort);
    try {
      broker.awaitReady();
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
    LOG.info("Embedded Kafka broker ready at {} (data in {})", broker.bootstrapServers, dataDir);
    return broker;
  }

  /** The {@code bootstrap.servers} value of this broker. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Stops the broker and waits until it has released its files. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.shutdown();
    server.awaitShutdown();
  }

  private static void formatOnce(Path dataDir, Path logDir, Properties props) {
    if (Files.exists(logDir.resolve("meta.properties"))) {
      return;
    }
    try {
      Files.createDirectories(logDir);
      Path config = dataDir.toAbsolutePath().resolve("server.properties");
      try (OutputStream out = Files.newOutputStream(config)) {
        props.store(out, "Embedded single-node KRaft broker; rewritten on every start");
      }
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      String clusterId = Uuid.randomUuid().toString();
      int exitCode;
      try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
        exitCode =
            StorageTool$.MODULE$.execute(
                new String[] {"format", "-t", clusterId, "-c", config.toString()}, print);
      }
      if (exitCode != 0) {
        throw new IllegalStateException(
            "formatting " + logDir + " failed: " + output.toString(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the broker directory " + dataDir, e);
    }
  }

  private void awaitReady() {
    Map<String, Object> config =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
            (int) READY_TIMEOUT.toMillis());
    try (Admin admin = Admin.create(config)) {
      admin.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the broker", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the embedded broker did not become ready", e);
    }
  }
}
