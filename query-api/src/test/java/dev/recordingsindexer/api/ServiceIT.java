package dev.recordingsindexer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recordingsindexer.api.config.ServiceConfig;
import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.query.RecordingFilter;
import dev.recordingsindexer.indexer.testing.ChaosEventGenerator;
import dev.recordingsindexer.indexer.testing.ContractOracle;
import dev.recordingsindexer.indexer.testing.RawRecord;
import dev.recordingsindexer.schemas.TwilioSchemas;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole service against a real broker: chaotic events in, every filtered listing followed page
 * by page over HTTP equals the contract oracle's; the same after a restart on the same state and
 * after a restore from the changelogs into an empty state directory.
 */
class ServiceIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String TOKEN = "token-of-every-test-account";

  @TempDir Path dir;

  @Test
  void shouldServeWhatTheContractFoldsAcrossRestartsAndRestores() throws Exception {
    ChaosEventGenerator generator = new ChaosEventGenerator(42);
    List<RawRecord> records = generator.generate(600);
    ContractOracle oracle = new ContractOracle().acceptAll(records);
    Map<String, String> env = environment(generator.accountSids(), dir.resolve("state-1"));
    ServiceConfig config = ServiceConfig.fromEnvironment(env);

    Map<String, List<String>> first;
    try (Service service = Service.start(config)) {
      produce(config.recordingsTopic(), records);
      awaitEverythingIndexed(service, config, oracle, generator.accountSids());
      first = compareEveryListing(service, oracle, generator.accountSids());
      assertThat(metrics(service))
          .contains("recordings_events_consumed_total")
          .contains("recordings_events_dead_lettered_total{reason=\"schema\"")
          .contains("recordings_stored{store=\"recordings\"}")
          .contains("kafka_consumer_fetch_manager_records_lag")
          .contains("http_requests_total")
          .contains("recordings_query_seconds_bucket");
    }
    try (Service restarted = Service.start(config)) {
      awaitEverythingIndexed(restarted, config, oracle, generator.accountSids());
      assertThat(everyListing(restarted, oracle, generator.accountSids())).isEqualTo(first);
    }
    ServiceConfig emptyState =
        ServiceConfig.fromEnvironment(with(env, "STATE_DIR", dir.resolve("state-2").toString()));
    try (Service restored = Service.start(emptyState)) {
      awaitEverythingIndexed(restored, emptyState, oracle, generator.accountSids());
      assertThat(everyListing(restored, oracle, generator.accountSids())).isEqualTo(first);
    }
  }

  private Map<String, String> environment(List<String> accounts, Path stateDir) throws Exception {
    Map<String, String> tokens = new LinkedHashMap<>();
    accounts.forEach(a -> tokens.put(a, TOKEN));
    Path accountsFile = dir.resolve("accounts.json");
    Files.writeString(accountsFile, JSON.writeValueAsString(tokens));
    String run = UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> env = new HashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", KafkaFixture.bootstrapServers());
    env.put("RECORDINGS_TOPIC", "events-" + run);
    env.put("DLQ_TOPIC", "dlq-" + run);
    env.put("APPLICATION_ID", "service-it-" + run);
    env.put("STATE_DIR", stateDir.toString());
    env.put("DATA_DIR", dir.resolve("data").toString());
    env.put("HTTP_PORT", "0");
    env.put("ACCOUNTS_FILE", accountsFile.toString());
    env.put("TOKEN_SECRET", "service-it-token-secret");
    env.put("TOPIC_PARTITIONS", "3");
    env.put("COMMIT_INTERVAL_MS", "100");
    return env;
  }

  private static Map<String, String> with(Map<String, String> env, String key, String value) {
    Map<String, String> copy = new HashMap<>(env);
    copy.put(key, value);
    return copy;
  }

  private static void produce(String topic, List<RawRecord> records) throws Exception {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", KafkaFixture.bootstrapServers(), "linger.ms", 5),
            new StringSerializer(),
            new StringSerializer())) {
      for (RawRecord record : records) {
        producer.send(new ProducerRecord<>(topic, record.key(), record.value()));
      }
      producer.flush();
    }
  }

  private static void awaitEverythingIndexed(
      Service service, ServiceConfig config, ContractOracle oracle, List<String> accounts) {
    await("the dead-letter topic holds every invalid record")
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> deadLetterCount(config.dlqTopic()) == oracle.deadLetterCount());
    await("every account lists every recording the oracle expects")
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                service.isReady()
                    && accounts.stream()
                        .allMatch(
                            a ->
                                sids(followAll(service, a, ""))
                                    .equals(sidsOf(oracle.list(a, RecordingFilter.NONE)))));
  }

  private static Map<String, List<String>> compareEveryListing(
      Service service, ContractOracle oracle, List<String> accounts) throws Exception {
    Map<String, List<String>> pages = new LinkedHashMap<>();
    for (String account : accounts) {
      for (Map.Entry<String, RecordingFilter> query :
          ClusterQueries.of(oracle, account).entrySet()) {
        List<JsonNode> listed = followAll(service, account, query.getKey());
        assertThat(sids(listed))
            .as("%s %s", account, query.getKey())
            .isEqualTo(sidsOf(oracle.list(account, query.getValue())));
        pages.put(account + query.getKey(), rendered(service, listed));
      }
    }
    return pages;
  }

  private static Map<String, List<String>> everyListing(
      Service service, ContractOracle oracle, List<String> accounts) {
    Map<String, List<String>> pages = new LinkedHashMap<>();
    for (String account : accounts) {
      for (String query : ClusterQueries.of(oracle, account).keySet()) {
        pages.put(account + query, rendered(service, followAll(service, account, query)));
      }
    }
    return pages;
  }

  private static List<JsonNode> followAll(Service service, String account, String query) {
    List<JsonNode> recordings = new ArrayList<>();
    String url = service.localUrl() + "/v1/Recordings?PageSize=7" + query;
    while (url != null) {
      JsonNode page = get(url, account);
      assertThat(TwilioSchemas.validateListResponse(page))
          .as("Twilio's ListRecordingResponse schema, for %s", url)
          .isEmpty();
      page.get("recordings").forEach(recordings::add);
      JsonNode next = page.get("meta").get("next_page_url");
      url = next.isNull() ? null : next.asText();
    }
    return recordings;
  }

  private static String metrics(Service service) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(service.localUrl() + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private static JsonNode get(String url, String account) {
    String auth =
        Base64.getEncoder()
            .encodeToString((account + ":" + TOKEN).getBytes(StandardCharsets.UTF_8));
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url))
                  .header("Authorization", "Basic " + auth)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("GET %s: %s", url, response.body()).isEqualTo(200);
      return JSON.readTree(response.body());
    } catch (Exception e) {
      throw new AssertionError("GET " + url + " failed", e);
    }
  }

  /** The recordings as JSON text, with this instance's base URL (its port varies) neutralised. */
  private static List<String> rendered(Service service, List<JsonNode> recordings) {
    return recordings.stream().map(r -> r.toString().replace(service.localUrl(), "BASE")).toList();
  }

  private static List<String> sids(List<JsonNode> recordings) {
    return recordings.stream().map(r -> r.get("sid").asText()).toList();
  }

  private static List<String> sidsOf(List<Recording> recordings) {
    return recordings.stream().map(Recording::sid).toList();
  }

  private static long deadLetterCount(String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers",
                KafkaFixture.bootstrapServers(),
                "isolation.level",
                "read_committed"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long count = 0;
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        count += consumer.poll(Duration.ofMillis(200)).count();
      }
      return count;
    }
  }
}
