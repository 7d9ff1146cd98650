package dev.recordingsindexer.api;

import dev.recordingsindexer.api.broker.EmbeddedKafkaBroker;
import dev.recordingsindexer.api.broker.FreePorts;
import dev.recordingsindexer.api.config.LocalSecrets;
import dev.recordingsindexer.api.config.ServiceConfig;
import dev.recordingsindexer.api.http.Accounts;
import dev.recordingsindexer.api.http.ApiServer;
import dev.recordingsindexer.api.http.ApiSettings;
import dev.recordingsindexer.api.routing.ClusterRouting;
import dev.recordingsindexer.indexer.query.LocalRecordingQueries;
import dev.recordingsindexer.indexer.store.IndexBuilds;
import dev.recordingsindexer.indexer.store.KafkaStreamsRecordingReaders;
import dev.recordingsindexer.indexer.topology.RecordingsTopology;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running instance: the broker when none is configured, the topics, the Kafka Streams indexer
 * and the HTTP API over its stores, with metrics. {@link #start} returns once the API listens
 * (readiness follows when the stores are restored); {@link #close} stops everything in reverse
 * order and must be called once.
 */
public final class Service implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Service.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final ServiceConfig config;
  private final String bootstrapServers;
  private final Credentials credentials;
  private final StreamsReadiness readiness;
  private final Deque<AutoCloseable> toClose;
  private final AtomicBoolean leaveGroupOnClose;
  private final int httpPort;

  private Service(
      ServiceConfig config,
      String bootstrapServers,
      Credentials credentials,
      StreamsReadiness readiness,
      Deque<AutoCloseable> toClose,
      AtomicBoolean leaveGroupOnClose,
      int httpPort) {
    this.leaveGroupOnClose = leaveGroupOnClose;
    this.config = config;
    this.bootstrapServers = bootstrapServers;
    this.credentials = credentials;
    this.readiness = readiness;
    this.toClose = toClose;
    this.httpPort = httpPort;
  }

  /**
   * Starts every part; on failure closes what had started and rethrows.
   *
   * @throws dev.recordingsindexer.api.config.ConfigException for unusable files named by the
   *     configuration
   */
  public static Service start(ServiceConfig requested) {
    return start(requested, () -> {});
  }

  /**
   * Starts every part; {@code onStreamsError} runs (on a Kafka Streams thread: hand off, don't
   * block) when the streams client reaches ERROR, from which it never recovers.
   */
  public static Service start(ServiceConfig requested, Runnable onStreamsError) {
    Deque<AutoCloseable> started = new ArrayDeque<>();
    try {
      ServiceConfig config =
          requested.httpPort() == 0 ? requested.withHttpPort(FreePorts.pick()) : requested;
      String bootstrap = bootstrapServers(config, started);
      int inputPartitions =
          TopicCreator.ensure(
              bootstrap,
              List.of(config.recordingsTopic(), config.dlqTopic()),
              config.topicPartitions());
      Credentials credentials = Credentials.resolve(config);

      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      started.push(registry::close);
      bindJvmMetrics(registry);
      IndexerMetrics indexerMetrics = new IndexerMetrics(registry);

      IndexBuilds indexBuilds = new IndexBuilds();
      StreamsReadiness readiness = new StreamsReadiness(onStreamsError, indexBuilds);
      KafkaStreams streams =
          new KafkaStreams(
              RecordingsTopology.build(
                  config.indexerSettings(), indexerMetrics, inputPartitions, indexBuilds),
              new StreamsConfig(StreamsProperties.of(config, bootstrap)));
      streams.setStateListener(readiness);
      streams.setUncaughtExceptionHandler(new ZombieThreadReplacement());
      streams.setGlobalStateRestoreListener(readiness);
      streams.setStandbyUpdateListener(readiness);
      readiness.watch(streams);
      AtomicBoolean leaveGroupOnClose = new AtomicBoolean(true);
      started.push(() -> closeStreams(streams, leaveGroupOnClose.get()));
      KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
      streamsMetrics.bindTo(registry);
      started.push(streamsMetrics::close);

      KafkaStreamsRecordingReaders readers = new KafkaStreamsRecordingReaders(streams);
      indexerMetrics.gaugeStoredRecordings(readers);
      streams.start();

      ApiSettings apiSettings =
          new ApiSettings(
              config.httpPort(),
              config.publicBaseUrl().map(Object::toString).orElse(null),
              config.corsAllowedOrigins(),
              tokenSecret(config),
              config.httpLimits(),
              config.httpGzipLevel());
      Accounts accounts = Accounts.load(credentials.accountsFile());
      ApiServer api;
      if (config.peerSecret().isPresent()) {
        // Instances sharing the application id answer for each other's partitions.
        ClusterRouting cluster =
            ClusterRouting.create(
                streams,
                config.applicationId(),
                HostInfo.buildFromEndpoint(config.applicationServer()),
                config.peerSecret().get(),
                config.cluster().peerTimeout(),
                config.cluster().maxStandbyLag(),
                readiness,
                registry);
        started.push(cluster);
        api =
            new ApiServer(
                apiSettings,
                cluster.queries(),
                accounts,
                cluster.readiness(),
                registry,
                cluster.peerEndpoint());
      } else {
        // Without a peer secret this instance answers only when it holds every partition.
        api =
            new ApiServer(
                apiSettings, new LocalRecordingQueries(readers), accounts, readiness, registry);
      }
      int port = api.start();
      started.push(api);
      LOG.info(
          "Serving {} on port {} (application id {})",
          config.recordingsTopic(),
          port,
          config.applicationId());
      return new Service(
          config, bootstrap, credentials, readiness, started, leaveGroupOnClose, port);
    } catch (RuntimeException e) {
      closeAll(started, e);
      throw e;
    }
  }

  /** The port the API listens on. */
  public int httpPort() {
    return httpPort;
  }

  /** The API's base URL on this machine, e.g. {@code http://localhost:8080}. */
  public String localUrl() {
    return "http://localhost:" + httpPort;
  }

  /** The Kafka cluster in use (the embedded broker's address when none was configured). */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** The account whose credentials are printed at start (the first of the accounts file). */
  public Credentials credentials() {
    return credentials;
  }

  /** Whether {@code /readyz} would answer 200 now. */
  public boolean isReady() {
    return readiness.whyNotReady().isEmpty();
  }

  /** The configuration in effect (with the bound HTTP port). */
  public ServiceConfig config() {
    return config;
  }

  /**
   * Stops the API first (no request sees a closing store), then the streams client leaving its
   * group (a restart rebalances at once instead of waiting a session timeout), then the broker.
   */
  /**
   * Stops like a crashed process, for failure drills: the API stops and the streams client closes
   * WITHOUT leaving its group, so the other instances keep this one's partitions assigned to it
   * until its session times out, and must answer from standbys or with 503 meanwhile.
   */
  public void abandon() {
    leaveGroupOnClose.set(false);
    close();
  }

  @Override
  public void close() {
    RuntimeException failure = new IllegalStateException("closing the service failed");
    closeAll(toClose, failure);
    if (failure.getSuppressed().length > 0) {
      throw failure;
    }
  }

  private static String bootstrapServers(ServiceConfig config, Deque<AutoCloseable> started) {
    if (config.kafkaBootstrapServers().isPresent()) {
      return config.kafkaBootstrapServers().get();
    }
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(config.kafkaDataDir());
    started.push(broker);
    EmbeddedBrokerAddress.write(config.dataDir(), broker.bootstrapServers());
    return broker.bootstrapServers();
  }

  private static byte[] tokenSecret(ServiceConfig config) {
    String secret =
        config.tokenSecret().orElseGet(() -> LocalSecrets.tokenSecret(config.stateDir()));
    return secret.getBytes(StandardCharsets.UTF_8);
  }

  private static void bindJvmMetrics(PrometheusMeterRegistry registry) {
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  private static void closeStreams(KafkaStreams streams, boolean leaveGroup) {
    boolean closed =
        streams.close(
            CloseOptions.groupMembershipOperation(
                    leaveGroup
                        ? CloseOptions.GroupMembershipOperation.LEAVE_GROUP
                        : CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP)
                .withTimeout(CLOSE_TIMEOUT));
    if (!closed) {
      LOG.warn("Kafka Streams did not close within {}", CLOSE_TIMEOUT);
    }
  }

  private static void closeAll(Deque<AutoCloseable> started, Throwable failure) {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        failure.addSuppressed(e);
      }
    }
  }

  /**
   * The account whose credentials are printed at start, and the accounts file in use.
   *
   * @param generated whether the file is the demo file this service created
   */
  public record Credentials(
      String accountSid, String authToken, Path accountsFile, boolean generated) {

    static Credentials resolve(ServiceConfig config) {
      Optional<Path> configured = config.accountsFile();
      Path file = configured.orElseGet(() -> LocalSecrets.demoAccountsFile(config.dataDir()));
      Map.Entry<String, String> first = LocalSecrets.firstAccount(file);
      return new Credentials(first.getKey(), first.getValue(), file, configured.isEmpty());
    }

    @Override
    public String toString() {
      return "Credentials[" + accountSid + ", token=<redacted>, file=" + accountsFile + "]";
    }
  }
}
