package dev.recordingsindexer.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recordingsindexer.api.config.ServiceConfig.ProcessingGuarantee;
import dev.recordingsindexer.indexer.topology.IndexerSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceConfigTest {

  @Test
  void shouldApplyEveryDefaultWhenNothingIsConfigured() {
    ServiceConfig config = ServiceConfig.fromEnvironment(Map.of());

    assertThat(config.embeddedBroker()).isTrue();
    assertThat(config.recordingsTopic()).isEqualTo("recording-events");
    assertThat(config.dlqTopic()).isEqualTo("recording-events-dlq");
    assertThat(config.applicationId()).isEqualTo("recordings-indexer");
    assertThat(config.stateDir()).isEqualTo(Path.of("./data/state"));
    assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(config.kafkaDataDir()).isEqualTo(Path.of("./data/kafka"));
    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.advertisedUrl()).isEqualTo(URI.create("http://localhost:8080"));
    assertThat(config.applicationServer()).isEqualTo("localhost:8080");
    assertThat(config.publicBaseUrl()).isEmpty();
    assertThat(config.accountsFile()).isEmpty();
    assertThat(config.tokenSecret()).isEmpty();
    assertThat(config.peerSecret()).isEmpty();
    assertThat(config.corsAllowedOrigins()).containsExactly("*");
    assertThat(config.topicPartitions()).isEqualTo(6);
    assertThat(config.processingGuarantee()).isEqualTo(ProcessingGuarantee.EXACTLY_ONCE_V2);
    assertThat(config.purgeMarkerRetention()).isEqualTo(IndexerSettings.FOREVER);
    assertThat(config.commitIntervalMs()).isEmpty();
    assertThat(config.streamThreads()).isEqualTo(1);
    assertThat(config.cluster())
        .isEqualTo(new ServiceConfig.Cluster(1, 1, Duration.ofSeconds(2), Duration.ofSeconds(45)));
    assertThat(config.demo()).isFalse();
  }

  @Test
  void shouldReadEveryVariableWhenAllAreGiven() {
    Map<String, String> env =
        Map.ofEntries(
            Map.entry("KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9093"),
            Map.entry("RECORDINGS_TOPIC", "events.in"),
            Map.entry("DLQ_TOPIC", "events.dlq"),
            Map.entry("APPLICATION_ID", "indexer-a"),
            Map.entry("STATE_DIR", "/var/lib/ri/state"),
            Map.entry("DATA_DIR", "/var/lib/ri"),
            Map.entry("HTTP_PORT", "9000"),
            Map.entry("ADVERTISED_URL", "http://node-1.internal:9000"),
            Map.entry("PUBLIC_BASE_URL", "https://video.example.com/"),
            Map.entry("ACCOUNTS_FILE", "/etc/ri/accounts.json"),
            Map.entry("TOKEN_SECRET", "0123456789abcdef0123"),
            Map.entry("PEER_SECRET", "fedcba9876543210fedc"),
            Map.entry("CORS_ALLOWED_ORIGINS", "https://a.example, http://b.example:3000"),
            Map.entry("TOPIC_PARTITIONS", "12"),
            Map.entry("PROCESSING_GUARANTEE", "at_least_once"),
            Map.entry("PURGE_MARKER_RETENTION", "PT12H"),
            Map.entry("COMMIT_INTERVAL_MS", "250"),
            Map.entry("NUM_STREAM_THREADS", "2"),
            Map.entry("NUM_STANDBY_REPLICAS", "2"),
            Map.entry("MAX_STANDBY_LAG", "500"),
            Map.entry("PEER_TIMEOUT_MS", "750"),
            Map.entry("SESSION_TIMEOUT_MS", "10000"),
            Map.entry("DEMO", "true"));

    ServiceConfig config = ServiceConfig.fromEnvironment(env);

    assertThat(config.cluster())
        .isEqualTo(
            new ServiceConfig.Cluster(2, 500, Duration.ofMillis(750), Duration.ofSeconds(10)));
    assertThat(config.streamThreads()).isEqualTo(2);
    assertThat(config.kafkaBootstrapServers()).contains("kafka-1:9092,kafka-2:9093");
    assertThat(config.embeddedBroker()).isFalse();
    assertThat(config.indexerSettings().inputTopic()).isEqualTo("events.in");
    assertThat(config.indexerSettings().deadLetterTopic()).isEqualTo("events.dlq");
    assertThat(config.indexerSettings().purgeMarkerRetention()).isEqualTo(Duration.ofHours(12));
    assertThat(config.applicationId()).isEqualTo("indexer-a");
    assertThat(config.stateDir()).isEqualTo(Path.of("/var/lib/ri/state"));
    assertThat(config.kafkaDataDir()).isEqualTo(Path.of("/var/lib/ri/kafka"));
    assertThat(config.httpPort()).isEqualTo(9000);
    assertThat(config.applicationServer()).isEqualTo("node-1.internal:9000");
    assertThat(config.publicBaseUrl()).contains(URI.create("https://video.example.com"));
    assertThat(config.accountsFile()).contains(Path.of("/etc/ri/accounts.json"));
    assertThat(config.tokenSecret()).contains("0123456789abcdef0123");
    assertThat(config.peerSecret()).contains("fedcba9876543210fedc");
    assertThat(config.corsAllowedOrigins())
        .containsExactly("https://a.example", "http://b.example:3000");
    assertThat(config.topicPartitions()).isEqualTo(12);
    assertThat(config.processingGuarantee()).isEqualTo(ProcessingGuarantee.AT_LEAST_ONCE);
    assertThat(config.commitIntervalMs()).contains(250L);
    assertThat(config.demo()).isTrue();
  }

  @Test
  void shouldTreatBlankValuesAsAbsent() {
    ServiceConfig config =
        ServiceConfig.fromEnvironment(Map.of("KAFKA_BOOTSTRAP_SERVERS", " ", "HTTP_PORT", ""));

    assertThat(config.embeddedBroker()).isTrue();
    assertThat(config.httpPort()).isEqualTo(8080);
  }

  @Test
  void shouldDeriveTheAdvertisedUrlFromTheHttpPort() {
    ServiceConfig config = ServiceConfig.fromEnvironment(Map.of("HTTP_PORT", "8123"));

    assertThat(config.advertisedUrl()).isEqualTo(URI.create("http://localhost:8123"));
  }

  @Test
  void shouldUseTheSchemesDefaultPortForApplicationServer() {
    ServiceConfig config =
        ServiceConfig.fromEnvironment(Map.of("ADVERTISED_URL", "https://node-2.internal"));

    assertThat(config.applicationServer()).isEqualTo("node-2.internal:443");
  }

  @Test
  void shouldAdvertiseTheBoundPortWhenPortZeroWasAskedFor() {
    ServiceConfig config = ServiceConfig.fromEnvironment(Map.of("HTTP_PORT", "0"));

    ServiceConfig bound = config.withHttpPort(40123);

    assertThat(bound.httpPort()).isEqualTo(40123);
    assertThat(bound.applicationServer()).isEqualTo("localhost:40123");
  }

  @Test
  void shouldKeepAConfiguredAdvertisedUrlWhenThePortIsBound() {
    ServiceConfig config =
        ServiceConfig.fromEnvironment(
            Map.of("HTTP_PORT", "0", "ADVERTISED_URL", "http://node-3:8080"));

    assertThat(config.withHttpPort(40123).applicationServer()).isEqualTo("node-3:8080");
  }

  @ParameterizedTest(name = "{0}={1} is rejected")
  @CsvSource(
      delimiter = '|',
      value = {
        "KAFKA_BOOTSTRAP_SERVERS|localhost",
        "KAFKA_BOOTSTRAP_SERVERS|localhost:99999",
        "KAFKA_BOOTSTRAP_SERVERS|a:9092,,b:9092",
        "RECORDINGS_TOPIC|bad topic",
        "RECORDINGS_TOPIC|..",
        "DLQ_TOPIC|dlq/1",
        "DLQ_TOPIC|recording-events",
        "APPLICATION_ID|app id",
        "HTTP_PORT|eighty",
        "HTTP_PORT|65536",
        "HTTP_PORT|-1",
        "ADVERTISED_URL|localhost:8080",
        "ADVERTISED_URL|ftp://host:21",
        "PUBLIC_BASE_URL|https://example.com/?x=1",
        "PUBLIC_BASE_URL|not a url",
        "TOKEN_SECRET|short",
        "PEER_SECRET|short",
        "CORS_ALLOWED_ORIGINS|example.com",
        "TOPIC_PARTITIONS|0",
        "TOPIC_PARTITIONS|six",
        "PROCESSING_GUARANTEE|exactly_once",
        "PURGE_MARKER_RETENTION|7 days",
        "PURGE_MARKER_RETENTION|PT0S",
        "PURGE_MARKER_RETENTION|-P1D",
        "COMMIT_INTERVAL_MS|-5",
        "COMMIT_INTERVAL_MS|soon",
        "NUM_STANDBY_REPLICAS|-1",
        "NUM_STANDBY_REPLICAS|11",
        "MAX_STANDBY_LAG|-1",
        "MAX_STANDBY_LAG|lots",
        "PEER_TIMEOUT_MS|0",
        "ROCKSDB_CACHE_MB|4",
        "ROCKSDB_CACHE_MB|64MB",
        "ROCKSDB_WRITE_BUFFER_MB|0",
        "ROCKSDB_WRITE_BUFFER_MB|64",
        "DEMO|maybe"
      })
  void shouldFailFastNamingTheVariable(String variable, String value) {
    assertThatThrownBy(() -> ServiceConfig.fromEnvironment(Map.of(variable, value)))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.variable()).isEqualTo(variable))
        .hasMessageStartingWith(variable + ": ");
  }

  @Test
  void shouldBoundRocksDbTo64MibWithHalfForWriteBuffersByDefault() {
    ServiceConfig config = ServiceConfig.fromEnvironment(Map.of());

    assertThat(config.storeMemory()).isEqualTo(new ServiceConfig.StoreMemory(64L << 20, 32L << 20));
  }

  @Test
  void shouldReadTheRocksDbMemoryInMib() {
    ServiceConfig config =
        ServiceConfig.fromEnvironment(
            Map.of("ROCKSDB_CACHE_MB", "256", "ROCKSDB_WRITE_BUFFER_MB", "48"));

    assertThat(config.storeMemory())
        .isEqualTo(new ServiceConfig.StoreMemory(256L << 20, 48L << 20));
  }

  @Test
  void shouldDefaultTheWriteBuffersToHalfOfAConfiguredCache() {
    ServiceConfig config = ServiceConfig.fromEnvironment(Map.of("ROCKSDB_CACHE_MB", "16"));

    assertThat(config.storeMemory().writeBufferBytes()).isEqualTo(8L << 20);
  }

  @Test
  void shouldRejectWriteBuffersThatDoNotFitInTheCache() {
    assertThatThrownBy(
            () ->
                ServiceConfig.fromEnvironment(
                    Map.of("ROCKSDB_CACHE_MB", "32", "ROCKSDB_WRITE_BUFFER_MB", "32")))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> assertThat(e.variable()).isEqualTo("ROCKSDB_WRITE_BUFFER_MB"))
        .hasMessageContaining("less than ROCKSDB_CACHE_MB (32)");
  }

  @Test
  void shouldLetFlagsOverrideTheEnvironment() {
    ServiceConfig config =
        ServiceConfig.parse(
            Map.of("HTTP_PORT", "8080", "RECORDINGS_TOPIC", "from-env"),
            List.of("--http-port", "8081", "--recordings-topic=from-flag", "--demo"));

    assertThat(config.httpPort()).isEqualTo(8081);
    assertThat(config.recordingsTopic()).isEqualTo("from-flag");
    assertThat(config.demo()).isTrue();
  }

  @Test
  void shouldRejectAnUnknownFlagNamingIt() {
    assertThatThrownBy(() -> ServiceConfig.parse(Map.of(), List.of("--htp-port", "1")))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--htp-port");
  }

  @Test
  void shouldRejectAFlagWithoutItsValue() {
    assertThatThrownBy(() -> ServiceConfig.parse(Map.of(), List.of("--http-port")))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--http-port");
  }

  @Test
  void shouldRejectAStrayArgument() {
    assertThatThrownBy(() -> ServiceConfig.parse(Map.of(), List.of("serve")))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("serve");
  }

  @Test
  void shouldMirrorEveryVariableAsAFlag() {
    for (Setting setting : Setting.values()) {
      assertThat(Setting.forFlag(setting.flag())).contains(setting);
    }
    assertThat(Setting.HTTP_PORT.flag()).isEqualTo("--http-port");
    assertThat(Setting.forFlag("--nope")).isEqualTo(Optional.empty());
  }

  @Test
  void shouldNotPrintSecrets() {
    ServiceConfig config =
        ServiceConfig.fromEnvironment(Map.of("TOKEN_SECRET", "0123456789abcdef-secret"));

    assertThat(config.toString()).doesNotContain("secret-").contains("redacted");
  }
}
