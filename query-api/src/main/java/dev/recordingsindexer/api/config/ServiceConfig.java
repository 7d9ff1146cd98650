package dev.recordingsindexer.api.config;

import dev.recordingsindexer.api.http.ApiSettings;
import dev.recordingsindexer.api.http.HttpLimits;
import dev.recordingsindexer.indexer.topology.IndexerSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole configuration of one service process, parsed once at start from the environment (with
 * {@link CommandLineFlags} laid over it). Nothing else in the process reads configuration strings.
 * Optional settings are {@link Optional}; everything else has its default applied.
 *
 * @param kafkaBootstrapServers the cluster to use; empty = start an embedded broker
 * @param httpPort the API port; 0 = any free port
 * @param advertisedUrl this instance's address for its peers ({@code application.server})
 * @param publicBaseUrl base of response URLs, without a trailing slash; empty = from the request
 * @param accountsFile the credentials file; empty = the demo accounts file under {@code dataDir}
 * @param tokenSecret signs page tokens; empty = generated once and kept under {@code stateDir}
 * @param corsAllowedOrigins allowed origins, or just {@code *}
 * @param commitIntervalMs Kafka Streams' commit interval; empty = the Streams default
 * @param streamThreads Kafka Streams' {@code num.stream.threads}: tasks run in parallel on this
 *     many threads
 * @param httpLimits the HTTP server's idle timeout, per-account rate and failed-authentication
 *     limits
 * @param httpGzipLevel the gzip level of response bodies for clients that accept gzip; 0 = never
 *     compress
 * @param storeMemory the RocksDB memory shared by every state store of the process
 * @param demo whether to write the demo events after start
 */
public record ServiceConfig(
    Optional<String> kafkaBootstrapServers,
    String recordingsTopic,
    String dlqTopic,
    String applicationId,
    Path stateDir,
    Path dataDir,
    int httpPort,
    URI advertisedUrl,
    Optional<URI> publicBaseUrl,
    Optional<Path> accountsFile,
    Optional<String> tokenSecret,
    Optional<String> peerSecret,
    List<String> corsAllowedOrigins,
    int topicPartitions,
    ProcessingGuarantee processingGuarantee,
    Duration purgeMarkerRetention,
    Optional<Long> commitIntervalMs,
    int streamThreads,
    Cluster cluster,
    HttpLimits httpLimits,
    int httpGzipLevel,
    StoreMemory storeMemory,
    boolean demo) {

  /**
   * How instances sharing an {@code APPLICATION_ID} cooperate.
   *
   * @param numStandbyReplicas Kafka Streams' {@code num.standby.replicas}: warm copies of each
   *     partition's store on other instances, which serve reads when the active is unavailable
   * @param maxStandbyLag how far (in changelog records) a standby may trail and still serve reads
   * @param peerTimeout how long a query waits for another instance's answer before a 503
   * @param sessionTimeout how long the group waits for a silent instance (crashed, paused, cut off)
   *     before its partitions move to the others; until then its standbys answer for it
   */
  public record Cluster(
      int numStandbyReplicas, long maxStandbyLag, Duration peerTimeout, Duration sessionTimeout) {
    public Cluster {
      if (numStandbyReplicas < 0) {
        throw new ConfigException("NUM_STANDBY_REPLICAS", "must be >= 0: " + numStandbyReplicas);
      }
      if (maxStandbyLag < 0) {
        throw new ConfigException("MAX_STANDBY_LAG", "must be >= 0: " + maxStandbyLag);
      }
      Objects.requireNonNull(peerTimeout, "peerTimeout");
      Objects.requireNonNull(sessionTimeout, "sessionTimeout");
    }
  }

  /**
   * The RocksDB memory of every state store of the process: native memory, counted in RSS on top of
   * the Java heap.
   *
   * @param cacheBytes the block cache shared by every store partition; it bounds data blocks, index
   *     and filter blocks and memtables together
   * @param writeBufferBytes the part of the cache memtables may take before the largest is flushed
   */
  public record StoreMemory(long cacheBytes, long writeBufferBytes) {
    public StoreMemory {
      if (cacheBytes <= 0) {
        throw new ConfigException("ROCKSDB_CACHE_MB", "must be > 0: " + cacheBytes + " bytes");
      }
      if (writeBufferBytes <= 0 || writeBufferBytes >= cacheBytes) {
        throw new ConfigException(
            "ROCKSDB_WRITE_BUFFER_MB",
            "must be more than 0 and less than ROCKSDB_CACHE_MB ("
                + (cacheBytes >> 20)
                + "), inside which write buffers are charged: "
                + (writeBufferBytes >> 20));
      }
    }
  }

  /** Kafka Streams' processing guarantees this service supports. */
  public enum ProcessingGuarantee {
    EXACTLY_ONCE_V2("exactly_once_v2"),
    AT_LEAST_ONCE("at_least_once");

    private final String streamsValue;

    ProcessingGuarantee(String streamsValue) {
      this.streamsValue = streamsValue;
    }

    /** The value of Kafka Streams' {@code processing.guarantee}. */
    public String streamsValue() {
      return streamsValue;
    }
  }

  public ServiceConfig {
    Objects.requireNonNull(kafkaBootstrapServers, "kafkaBootstrapServers");
    Objects.requireNonNull(recordingsTopic, "recordingsTopic");
    Objects.requireNonNull(dlqTopic, "dlqTopic");
    Objects.requireNonNull(applicationId, "applicationId");
    Objects.requireNonNull(stateDir, "stateDir");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(advertisedUrl, "advertisedUrl");
    Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
    Objects.requireNonNull(accountsFile, "accountsFile");
    Objects.requireNonNull(tokenSecret, "tokenSecret");
    Objects.requireNonNull(peerSecret, "peerSecret");
    corsAllowedOrigins = List.copyOf(corsAllowedOrigins);
    Objects.requireNonNull(processingGuarantee, "processingGuarantee");
    Objects.requireNonNull(purgeMarkerRetention, "purgeMarkerRetention");
    Objects.requireNonNull(commitIntervalMs, "commitIntervalMs");
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(httpLimits, "httpLimits");
    Objects.requireNonNull(storeMemory, "storeMemory");
    if (recordingsTopic.equals(dlqTopic)) {
      throw new ConfigException(
          "DLQ_TOPIC", "must differ from RECORDINGS_TOPIC (" + dlqTopic + ")");
    }
    if (httpPort < 0 || httpPort > 65_535) {
      throw new ConfigException("HTTP_PORT", "must be 0..65535: " + httpPort);
    }
    if (topicPartitions < 1) {
      throw new ConfigException("TOPIC_PARTITIONS", "must be >= 1: " + topicPartitions);
    }
    if (httpGzipLevel < 0 || httpGzipLevel > 9) {
      throw new ConfigException("HTTP_GZIP_LEVEL", "must be 0..9: " + httpGzipLevel);
    }
  }

  /**
   * Parses the environment and the command-line flags.
   *
   * @throws ConfigException naming the first variable whose value is unusable
   * @throws UsageException for an unknown flag or a flag without a value
   */
  public static ServiceConfig parse(Map<String, String> environment, List<String> args) {
    return fromEnvironment(CommandLineFlags.overlay(environment, args));
  }

  /**
   * Parses the environment alone.
   *
   * @throws ConfigException naming the first variable whose value is unusable
   */
  public static ServiceConfig fromEnvironment(Map<String, String> environment) {
    SettingReader read = new SettingReader(environment);
    int httpPort = read.integer(Setting.HTTP_PORT, 8080, 0, 65_535);
    return new ServiceConfig(
        read.bootstrapServers(Setting.KAFKA_BOOTSTRAP_SERVERS),
        read.topicName(Setting.RECORDINGS_TOPIC, IndexerSettings.DEFAULT_INPUT_TOPIC),
        read.topicName(Setting.DLQ_TOPIC, IndexerSettings.DEFAULT_DEAD_LETTER_TOPIC),
        read.topicName(Setting.APPLICATION_ID, "recordings-indexer"),
        read.path(Setting.STATE_DIR, "./data/state"),
        read.path(Setting.DATA_DIR, "./data"),
        httpPort,
        read.httpUrl(Setting.ADVERTISED_URL).orElse(URI.create("http://localhost:" + httpPort)),
        read.httpUrl(Setting.PUBLIC_BASE_URL),
        read.optional(Setting.ACCOUNTS_FILE).map(Path::of),
        read.secret(Setting.TOKEN_SECRET),
        read.secret(Setting.PEER_SECRET),
        read.origins(Setting.CORS_ALLOWED_ORIGINS),
        read.integer(Setting.TOPIC_PARTITIONS, 6, 1, 10_000),
        read.guarantee(Setting.PROCESSING_GUARANTEE),
        read.positiveDuration(
            Setting.PURGE_MARKER_RETENTION, IndexerSettings.DEFAULT_PURGE_MARKER_RETENTION),
        read.optional(Setting.COMMIT_INTERVAL_MS)
            .map(v -> (long) read.integer(Setting.COMMIT_INTERVAL_MS, 0, 0, Integer.MAX_VALUE)),
        read.integer(Setting.NUM_STREAM_THREADS, 1, 1, 64),
        new Cluster(
            read.integer(Setting.NUM_STANDBY_REPLICAS, 1, 0, 10),
            read.integer(Setting.MAX_STANDBY_LAG, 1, 0, Integer.MAX_VALUE),
            Duration.ofMillis(read.integer(Setting.PEER_TIMEOUT_MS, 2_000, 1, 600_000)),
            Duration.ofMillis(read.integer(Setting.SESSION_TIMEOUT_MS, 45_000, 6_000, 1_800_000))),
        httpLimits(read),
        read.integer(Setting.HTTP_GZIP_LEVEL, ApiSettings.DEFAULT_GZIP_LEVEL, 0, 9),
        storeMemory(read),
        read.bool(Setting.DEMO, false));
  }

  private static StoreMemory storeMemory(SettingReader read) {
    int cacheMib = read.integer(Setting.ROCKSDB_CACHE_MB, 64, 8, 1_048_576);
    int writeBufferMib = read.integer(Setting.ROCKSDB_WRITE_BUFFER_MB, cacheMib / 2, 1, 1_048_576);
    return new StoreMemory((long) cacheMib << 20, (long) writeBufferMib << 20);
  }

  private static HttpLimits httpLimits(SettingReader read) {
    int rate = read.integer(Setting.RATE_LIMIT_PER_SECOND, 0, 0, 1_000_000);
    return new HttpLimits(
        Duration.ofMillis(
            read.integer(
                Setting.HTTP_IDLE_TIMEOUT_MS,
                (int) HttpLimits.DEFAULT_IDLE_TIMEOUT.toMillis(),
                1,
                3_600_000)),
        rate,
        read.integer(Setting.RATE_LIMIT_BURST, Math.max(1, rate), 1, 1_000_000),
        read.integer(
            Setting.AUTH_FAILURES_PER_HOUR,
            HttpLimits.DEFAULT_AUTH_FAILURES_PER_HOUR,
            0,
            1_000_000),
        read.integer(
            Setting.AUTH_FAILURES_PER_HOUR_PER_ADDRESS,
            HttpLimits.DEFAULT_AUTH_FAILURES_PER_HOUR_PER_ADDRESS,
            0,
            1_000_000),
        read.bool(Setting.TRUST_X_FORWARDED_FOR, false));
  }

  /** Whether the process must start its own broker. */
  public boolean embeddedBroker() {
    return kafkaBootstrapServers.isEmpty();
  }

  /** Where the embedded broker keeps its logs and metadata. */
  public Path kafkaDataDir() {
    return dataDir.resolve("kafka");
  }

  /** Kafka Streams' {@code application.server}: the advertised URL's {@code host:port}. */
  public String applicationServer() {
    int port = advertisedUrl.getPort();
    if (port < 0) {
      port = "https".equals(advertisedUrl.getScheme()) ? 443 : 80;
    }
    return advertisedUrl.getHost() + ":" + port;
  }

  /** The topology's view of this configuration. */
  public IndexerSettings indexerSettings() {
    return new IndexerSettings(recordingsTopic, dlqTopic, purgeMarkerRetention);
  }

  /**
   * A copy listening on {@code port} (the port actually bound when 0 was asked for); the default
   * advertised URL, which named port 0, follows it.
   */
  public ServiceConfig withHttpPort(int port) {
    URI advertised =
        advertisedUrl.getPort() == 0 ? URI.create("http://localhost:" + port) : advertisedUrl;
    return new ServiceConfig(
        kafkaBootstrapServers,
        recordingsTopic,
        dlqTopic,
        applicationId,
        stateDir,
        dataDir,
        port,
        advertised,
        publicBaseUrl,
        accountsFile,
        tokenSecret,
        peerSecret,
        corsAllowedOrigins,
        topicPartitions,
        processingGuarantee,
        purgeMarkerRetention,
        commitIntervalMs,
        streamThreads,
        cluster,
        httpLimits,
        httpGzipLevel,
        storeMemory,
        demo);
  }

  @Override
  public String toString() {
    return "ServiceConfig[kafka="
        + kafkaBootstrapServers.orElse("embedded")
        + ", topics="
        + recordingsTopic
        + "/"
        + dlqTopic
        + ", applicationId="
        + applicationId
        + ", stateDir="
        + stateDir
        + ", httpPort="
        + httpPort
        + ", advertisedUrl="
        + advertisedUrl
        + ", secrets=<redacted>]";
  }
}
