package dev.recordingsindexer.api;

import dev.recordingsindexer.api.broker.FreePorts;
import dev.recordingsindexer.api.config.ServiceConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntUnaryOperator;

/**
 * Several {@link Service} instances in this JVM forming one application on the shared test broker:
 * same {@code APPLICATION_ID}, topics, {@code TOKEN_SECRET}, {@code PEER_SECRET} and accounts file;
 * each with its own fixed HTTP port, {@code ADVERTISED_URL} on the loopback address and state
 * directory. Not thread-safe; {@link #close} stops every instance still running.
 */
final class ClusterInstances implements AutoCloseable {

  private final Map<String, String> shared;
  private final Path dir;
  private final List<Service> services = new ArrayList<>();
  private final List<Integer> ports = new ArrayList<>();

  /**
   * @param dir a fresh directory for the instances' state
   * @param accountsFile the credentials every instance accepts
   * @param overrides settings laid over the shared defaults (e.g. {@code NUM_STANDBY_REPLICAS})
   */
  ClusterInstances(Path dir, Path accountsFile, Map<String, String> overrides) {
    this.dir = dir;
    String run = UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> env = new HashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", KafkaFixture.bootstrapServers());
    env.put("RECORDINGS_TOPIC", "cluster-events-" + run);
    env.put("DLQ_TOPIC", "cluster-dlq-" + run);
    env.put("APPLICATION_ID", "cluster-it-" + run);
    env.put("DATA_DIR", dir.resolve("data").toString());
    env.put("ACCOUNTS_FILE", accountsFile.toString());
    env.put("TOKEN_SECRET", "cluster-it-token-secret-" + run);
    env.put("PEER_SECRET", "cluster-it-peer-secret-" + run);
    env.put("TOPIC_PARTITIONS", "6");
    env.put("COMMIT_INTERVAL_MS", "100");
    env.putAll(overrides);
    this.shared = Map.copyOf(env);
  }

  /** Starts one more instance; returns its index. */
  int start() {
    return start(port -> port);
  }

  /**
   * Starts one more instance that its peers reach through another port (a {@link ClusterProxy});
   * clients of the tests still reach it directly. Returns its index.
   *
   * @param advertisedPortOf maps the instance's HTTP port to the port it advertises
   */
  int start(IntUnaryOperator advertisedPortOf) {
    int index = services.size();
    int port = FreePorts.pick();
    services.add(Service.start(config(index, port, advertisedPortOf.applyAsInt(port))));
    ports.add(port);
    return index;
  }

  /** Starts stopped instance {@code index} again, on its port and its state directory. */
  void restart(int index) {
    if (services.get(index) != null) {
      throw new IllegalStateException("instance " + index + " is running");
    }
    int port = ports.get(index);
    services.set(index, Service.start(config(index, port, port)));
  }

  private ServiceConfig config(int index, int port, int advertisedPort) {
    Map<String, String> env = new HashMap<>(shared);
    env.put("HTTP_PORT", Integer.toString(port));
    env.put("ADVERTISED_URL", "http://127.0.0.1:" + advertisedPort);
    env.put("STATE_DIR", dir.resolve("state-" + index).toString());
    return ServiceConfig.fromEnvironment(env);
  }

  /** The configuration every instance shares (topics, application id). */
  ServiceConfig sharedConfig() {
    return ServiceConfig.fromEnvironment(shared);
  }

  /** Instance {@code index}'s base URL, as its peers know it. */
  String baseUrl(int index) {
    return "http://127.0.0.1:" + ports.get(index);
  }

  int port(int index) {
    return ports.get(index);
  }

  Service service(int index) {
    return services.get(index);
  }

  /** How many instances were started (stopped ones included). */
  int size() {
    return services.size();
  }

  /**
   * Stops instance {@code index} as a crash would: its HTTP server, then its streams client without
   * leaving the group ({@link Service#abandon}), so the group notices only at the session timeout.
   */
  void abandon(int index) {
    Service service = services.set(index, null);
    if (service != null) {
      service.abandon();
    }
  }

  /** Stops instance {@code index} in order: its HTTP server, then its streams client leaving. */
  void stop(int index) {
    Service service = services.set(index, null);
    if (service != null) {
      service.close();
    }
  }

  @Override
  public void close() {
    RuntimeException failure = new IllegalStateException("stopping the cluster failed");
    for (int index = 0; index < services.size(); index++) {
      try {
        stop(index);
      } catch (RuntimeException e) {
        failure.addSuppressed(e);
      }
    }
    if (failure.getSuppressed().length > 0) {
      throw failure;
    }
  }
}
