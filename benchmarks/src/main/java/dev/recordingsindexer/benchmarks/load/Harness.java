package dev.recordingsindexer.benchmarks.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A broker process and service processes under one work directory; closes everything it started
 * (also from a JVM shutdown hook). The broker is {@code recordings-indexer.jar broker} in its own
 * JVM with its data in {@code workDir/broker}, so a later harness on the same directory finds the
 * topics and records again. Services log to {@code workDir/<name>.log}.
 */
public final class Harness implements AutoCloseable {

  private final Path workDir;
  private final Path jar;
  private final Process broker;
  private final String bootstrapServers;
  private final List<ServiceProcess> services = new ArrayList<>();
  private final Thread hook = new Thread(this::close, "harness-shutdown");
  private boolean closed;

  private Harness(Path workDir, Path jar, Process broker, String bootstrapServers) {
    this.workDir = workDir;
    this.jar = jar;
    this.broker = broker;
    this.bootstrapServers = bootstrapServers;
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Starts (or restarts, keeping its data) the broker of {@code workDir} and waits for it. */
  public static Harness start(Path workDir) {
    Path dir = workDir.toAbsolutePath();
    Path jar = BrokerLauncher.copyJar(dir);
    BrokerLauncher.Started broker = BrokerLauncher.start(dir, jar);
    return new Harness(dir, jar, broker.process(), broker.bootstrapServers());
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public Path workDir() {
    return workDir;
  }

  /** The service's fat jar, as copied into the work directory. */
  public Path serviceJar() {
    return jar;
  }

  /** The broker's process id (for footprint and JFR). */
  public long brokerPid() {
    return broker.pid();
  }

  /**
   * Starts {@code java <jvmArgs> -jar recordings-indexer.jar} named {@code name}. Defaults, each
   * overridden by {@code env}: this broker, STATE_DIR {@code workDir/<name>/state}, a free
   * HTTP_PORT, TOKEN_SECRET and ACCOUNTS_FILE {@code workDir/accounts.json}.
   */
  public ServiceProcess startService(String name, Map<String, String> env, List<String> jvmArgs) {
    Map<String, String> all = new HashMap<>();
    all.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
    all.put("STATE_DIR", workDir.resolve(name).resolve("state").toString());
    all.put("DATA_DIR", workDir.resolve(name).toString());
    all.put("HTTP_PORT", String.valueOf(Processes.freePort()));
    all.put("TOKEN_SECRET", "bench-token-secret-0123456789abcdef");
    all.put("ACCOUNTS_FILE", workDir.resolve("accounts.json").toString());
    all.putAll(env);
    all.putIfAbsent("ADVERTISED_URL", "http://127.0.0.1:" + all.get("HTTP_PORT"));
    ServiceProcess service =
        ServiceProcess.start(name, all, jvmArgs, jar, workDir.resolve(name + ".log"));
    synchronized (services) {
      services.add(service);
    }
    return service;
  }

  /** Produces the events of recordings [from, to); returns the number of events written. */
  public long fill(Dataset dataset, String topic, int from, int to) {
    return new Filler(bootstrapServers).fill(dataset.events(topic, from, to));
  }

  /** Creates {@code topic} with {@code partitions} partitions unless it exists; true if created. */
  public boolean createTopic(String topic, int partitions) {
    try (Admin admin = admin()) {
      return Topics.create(admin, topic, partitions);
    }
  }

  /** An admin client on this broker; the caller closes it. */
  public Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
  }

  /** Stops every service (SIGTERM, then SIGKILL after a minute), then the broker. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    synchronized (services) {
      for (int i = services.size() - 1; i >= 0; i--) {
        services.get(i).close();
      }
    }
    Processes.stop(broker, Duration.ofSeconds(60));
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // called from the hook itself
    }
  }
}
