package dev.recordingsindexer.api.security;

import static dev.recordingsindexer.api.security.HttpProbe.basic;
import static dev.recordingsindexer.api.security.HttpProbe.basicCredentials;
import static dev.recordingsindexer.api.security.HttpProbe.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recordingsindexer.api.KafkaFixture;
import dev.recordingsindexer.api.Service;
import dev.recordingsindexer.api.broker.FreePorts;
import dev.recordingsindexer.api.config.ServiceConfig;
import dev.recordingsindexer.api.security.HttpProbe.Answer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The real service, two instances of one application on the test broker (so queries cross to the
 * peer endpoint with {@code PEER_SECRET}), with distinctive auth tokens, {@code TOKEN_SECRET} and
 * {@code PEER_SECRET}: it indexes good and bad events, answers good requests and every kind of bad
 * one (wrong credentials, credentials in the wrong place, bad and foreign page tokens, bad
 * parameters, wrong methods, the peer endpoint with no, a near-miss and the right secret), serves
 * {@code /metrics}, loses an instance; then nothing it logged, printed or answered may contain a
 * secret or the Basic credentials that carry one.
 */
class SecretsStayOutOfOutputIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String tokenSecret = "t0kensecret" + hex(12);
  private final String peerSecret = "p33rsecret" + hex(12);
  private final String accountA = "AC" + hex(16);
  private final String accountB = "AC" + hex(16);
  private final String authTokenA = hex(16);
  private final String authTokenB = hex(16);
  private final List<Answer> answers = new ArrayList<>();

  @TempDir Path dir;

  @Test
  void shouldKeepEverySecretOutOfLogsOutputMetricsAndAnswers() throws Exception {
    String bootstrap = KafkaFixture.bootstrapServers();
    Path accountsFile =
        Files.writeString(
            dir.resolve("accounts.json"),
            JSON.writeValueAsString(Map.of(accountA, authTokenA, accountB, authTokenB)));
    String output;
    List<String> printedConfigs = new ArrayList<>();
    try (CapturedOutput captured = new CapturedOutput()) {
      LoggerFactory.getLogger(getClass()).info("capture canary {}", run);
      Service first = Service.start(config(bootstrap, accountsFile, 0));
      Service second = Service.start(config(bootstrap, accountsFile, 1));
      try {
        printedConfigs.add(first.config().toString());
        printedConfigs.add(first.credentials().toString());
        produceEvents(first.config().recordingsTopic(), bootstrap);
        awaitIndexed(first, second);
        exerciseEveryAnswer(first, second);
        second.close();
        second = null;
        for (int i = 0; i < 5; i++) {
          list(first.localUrl(), accountA, authTokenA, "PageSize=50");
          fetch(first.localUrl(), accountB, authTokenB, recordingSid(accountB, 2));
        }
        answers.add(send("GET", first.localUrl() + "/metrics", Map.of()));
      } finally {
        if (second != null) {
          second.close();
        }
        first.close();
      }
      output = captured.text();
    }

    assertThat(List.of("capture canary " + run, "Serving ", "StreamsConfig values"))
        .as("the capture saw the canary, our logs and Kafka's configuration dumps")
        .allMatch(output::contains);
    assertThat(answers).hasSizeGreaterThan(50);
    for (String secret : secretsAndTheirCarriers()) {
      assertThat(output.lines().filter(line -> line.contains(secret)))
          .as("lines logged or printed that hold a secret")
          .isEmpty();
      assertThat(printedConfigs).as("printed configuration").noneMatch(c -> c.contains(secret));
      assertThat(
              answers.stream()
                  .filter(a -> (a.body() + a.headers()).contains(secret))
                  .map(a -> a.method() + " " + a.url() + " -> " + a.status()))
          .as("answers that hold a secret")
          .isEmpty();
    }
  }

  /** The secrets, and the Basic credentials every request of the test carried. */
  private List<String> secretsAndTheirCarriers() {
    return List.of(
        tokenSecret,
        peerSecret,
        authTokenA,
        authTokenB,
        basicCredentials(accountA, authTokenA),
        basicCredentials(accountB, authTokenB),
        basicCredentials(accountA, authTokenB),
        Base64.getEncoder().encodeToString(tokenSecret.getBytes(StandardCharsets.UTF_8)),
        Base64.getEncoder().encodeToString(peerSecret.getBytes(StandardCharsets.UTF_8)));
  }

  private ServiceConfig config(String bootstrap, Path accountsFile, int index) {
    int port = FreePorts.pick();
    Map<String, String> env = new HashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
    env.put("RECORDINGS_TOPIC", "secrets-events-" + run);
    env.put("DLQ_TOPIC", "secrets-dlq-" + run);
    env.put("APPLICATION_ID", "secrets-it-" + run);
    env.put("STATE_DIR", dir.resolve("state-" + index).toString());
    env.put("DATA_DIR", dir.resolve("data").toString());
    env.put("HTTP_PORT", Integer.toString(port));
    env.put("ADVERTISED_URL", "http://127.0.0.1:" + port);
    env.put("ACCOUNTS_FILE", accountsFile.toString());
    env.put("TOKEN_SECRET", tokenSecret);
    env.put("PEER_SECRET", peerSecret);
    env.put("TOPIC_PARTITIONS", "2");
    env.put("NUM_STANDBY_REPLICAS", "0");
    env.put("COMMIT_INTERVAL_MS", "100");
    return ServiceConfig.fromEnvironment(env);
  }

  private void produceEvents(String topic, String bootstrap) {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", bootstrap, "linger.ms", 5),
            new StringSerializer(),
            new StringSerializer())) {
      for (String account : List.of(accountA, accountB)) {
        for (int n = 1; n <= 6; n++) {
          String sid = recordingSid(account, n);
          producer.send(new ProducerRecord<>(topic, sid, event(account, sid, "started", n)));
          producer.send(new ProducerRecord<>(topic, sid, event(account, sid, "completed", n)));
        }
      }
      producer.send(new ProducerRecord<>(topic, "key", "not json"));
      producer.send(new ProducerRecord<>(topic, "key", "{\"event_type\": \"exploded\"}"));
      String conflict = event(accountB, recordingSid(accountA, 1), "failed", 1);
      producer.send(new ProducerRecord<>(topic, recordingSid(accountA, 1), conflict));
      producer.send(new ProducerRecord<>(topic, recordingSid(accountA, 6), null));
      producer.flush();
    }
  }

  private void awaitIndexed(Service first, Service second) {
    await("both instances list every recording of both accounts")
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                first.isReady()
                    && second.isReady()
                    && countAll(first.localUrl(), accountA, authTokenA) == 5
                    && countAll(second.localUrl(), accountB, authTokenB) == 6);
  }

  private int countAll(String base, String account, String token) {
    Answer answer =
        send(
            "GET",
            base + "/v1/Recordings?PageSize=50",
            Map.of("Authorization", basic(account, token)));
    return answer.status() == 200 ? answer.json().path("recordings").size() : -1;
  }

  private void exerciseEveryAnswer(Service first, Service second) {
    for (Service service : List.of(first, second)) {
      String base = service.localUrl();
      String nextPageOfA = null;
      for (String account : List.of(accountA, accountB)) {
        String token = account.equals(accountA) ? authTokenA : authTokenB;
        Answer page = list(base, account, token, "PageSize=2");
        String next = page.json().path("meta").path("next_page_url").asText();
        answers.add(send("GET", next, Map.of("Authorization", basic(account, token))));
        nextPageOfA = account.equals(accountA) ? next : nextPageOfA;
        for (int n = 1; n <= 6; n++) {
          fetch(base, account, token, recordingSid(account, n));
        }
      }
      fetch(base, accountA, authTokenA, recordingSid(accountB, 3));
      answers.add(send("GET", nextPageOfA, Map.of("Authorization", basic(accountB, authTokenB))));
      answers.add(
          send(
              "GET",
              nextPageOfA.replaceFirst("PageToken=.", "PageToken=A"),
              Map.of("Authorization", basic(accountA, authTokenA))));
      for (String query :
          List.of(
              "PageToken=garbage",
              "PageToken=" + URLEncoder.encode(tokenSecret, StandardCharsets.UTF_8),
              "PageSize=0",
              "Status=exploded",
              "DateCreatedAfter=yesterday",
              "GroupingSid=RM123",
              "Status=%25zz")) {
        list(base, accountA, authTokenA, query);
      }
      for (Map<String, String> headers :
          List.of(
              Map.<String, String>of(),
              Map.of("Authorization", basic(accountA, authTokenB)),
              Map.of("Authorization", basic(accountA, authTokenA + "x")),
              Map.of("Authorization", basic(accountB, authTokenA)),
              Map.of("Authorization", "Basic " + authTokenA),
              Map.of("Authorization", "Bearer " + authTokenA),
              Map.of("Authorization", "Basic " + basicCredentials(accountA, authTokenA) + "!"),
              Map.of("Authorization", basic(authTokenA, accountA)))) {
        answers.add(send("GET", base + "/v1/Recordings", headers));
        answers.add(send("GET", base + "/v1/Recordings/" + recordingSid(accountA, 2), headers));
      }
      Map<String, String> auth = Map.of("Authorization", basic(accountA, authTokenA));
      answers.add(send("POST", base + "/v1/Recordings", auth));
      answers.add(send("DELETE", base + "/v1/Recordings/" + recordingSid(accountA, 2), auth));
      answers.add(send("OPTIONS", base + "/v1/Recordings", Map.of("Origin", "https://x.test")));
      answers.add(send("GET", base + "/nowhere/" + authTokenA.substring(0, 8), auth));
      exercisePeerEndpoint(base);
      for (String path : List.of("/healthz", "/readyz", "/metrics")) {
        answers.add(send("GET", base + path, Map.of()));
      }
    }
  }

  private void exercisePeerEndpoint(String base) {
    String fetch = base + "/internal/v1/partitions/0/recordings/" + recordingSid(accountA, 2);
    String scan = base + "/internal/v1/partitions/1/scan";
    for (Map<String, String> headers :
        List.of(
            Map.<String, String>of(),
            Map.of("X-Recordings-Peer", peerSecret + "x"),
            Map.of("X-Recordings-Peer", "x" + peerSecret),
            Map.of("X-Recordings-Peer", peerSecret.substring(1)),
            Map.of("X-Recordings-Peer", tokenSecret),
            Map.of("X-Recordings-Peer", peerSecret))) {
      answers.add(send("GET", fetch, headers));
      answers.add(send("GET", base + "/internal/v1/partitions/x/recordings/RT1", headers));
      answers.add(send("POST", scan, headers));
    }
  }

  private Answer list(String base, String account, String token, String query) {
    Answer answer =
        send(
            "GET",
            base + "/v1/Recordings?" + query,
            Map.of("Authorization", basic(account, token)));
    answers.add(answer);
    return answer;
  }

  private void fetch(String base, String account, String token, String sid) {
    answers.add(
        send(
            "GET", base + "/v1/Recordings/" + sid, Map.of("Authorization", basic(account, token))));
  }

  private static String event(String account, String sid, String type, int n) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("event_type", "recording-" + type);
    event.put("timestamp", "2026-01-01T10:0" + n + ":00Z");
    event.put("account_sid", account);
    event.put("recording_sid", sid);
    event.put("source_sid", "MT" + "a".repeat(32));
    event.put("grouping_sids", Map.of("room_sid", "RM" + "b".repeat(32)));
    event.put("type", "audio");
    event.put("status_callback", "https://callback.example.com/status");
    try {
      return JSON.writeValueAsString(event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String recordingSid(String account, int n) {
    return "RT" + account.substring(2, 26) + String.format("%08x", n);
  }

  private static String hex(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
