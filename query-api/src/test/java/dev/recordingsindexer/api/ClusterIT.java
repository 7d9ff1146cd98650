package dev.recordingsindexer.api;

import static dev.recordingsindexer.api.ClusterPages.fingerprints;
import static dev.recordingsindexer.api.ClusterPages.rendered;
import static dev.recordingsindexer.api.ClusterPages.sids;
import static dev.recordingsindexer.api.ClusterPages.sidsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recordingsindexer.api.ClusterClient.Answer;
import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.query.RecordingFilter;
import dev.recordingsindexer.indexer.testing.ChaosEventGenerator;
import dev.recordingsindexer.indexer.testing.ContractOracle;
import dev.recordingsindexer.indexer.testing.RawRecord;
import dev.recordingsindexer.schemas.TwilioSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntUnaryOperator;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three instances sharing one application id on the real broker, over a topic of 6 partitions: each
 * answers every query exactly as the contract oracle does, whichever instance issued the page
 * token; when one of them stops while a client pages, every answer is complete and correct or a 503
 * with {@code Retry-After}, until the other two answer completely on their own; and a peer that
 * hangs costs a 503 within the peer timeout, not a hanging client.
 */
class ClusterIT {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterIT.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "token-of-every-cluster-account";
  private static final int PAGE_SIZE = 7;
  private static final int INSTANCES = 3;
  private static final long PEER_TIMEOUT_MS = 1_000;

  private final ClusterClient client = new ClusterClient(TOKEN, Duration.ofSeconds(30));

  @TempDir Path dir;

  @Test
  void shouldAnswerEveryQueryIdenticallyFromEveryInstanceWithTokensIssuedByAnyOfThem()
      throws Exception {
    ChaosEventGenerator generator = new ChaosEventGenerator(3);
    List<RawRecord> records = generator.generate(640);
    ContractOracle oracle = new ContractOracle().acceptAll(records);
    List<String> accounts = generator.accountSids();
    LOG.info("{} records fold into {} recordings", records.size(), oracle.recordings().size());

    try (ClusterInstances cluster = startCluster(accounts, Map.of())) {
      produce(cluster, records);
      awaitCompleteEverywhere(cluster, List.of(0, 1, 2), oracle, accounts);

      Map<String, List<String>> listings = compareEveryQueryOnEveryInstance(cluster, oracle);
      compareEveryFetchOnEveryInstance(cluster, oracle, listings);

      String owner = accounts.get(0);
      String stranger = accounts.get(1);
      String foreignSid = oracle.list(owner, RecordingFilter.NONE).get(0).sid();
      for (int instance = 0; instance < INSTANCES; instance++) {
        Answer foreign = fetch(cluster, instance, stranger, foreignSid);
        assertThat(foreign.status()).as("another account's SID: %s", foreign).isEqualTo(404);
        assertThat(foreign.body().get("code").asInt()).isEqualTo(20404);
      }
    }
  }

  /**
   * Follows every query of every account on each instance alone, and alternating instances page by
   * page both ways; all must list the oracle's recordings, rendered identically. Returns the
   * rendered listings by account and query string.
   */
  private Map<String, List<String>> compareEveryQueryOnEveryInstance(
      ClusterInstances cluster, ContractOracle oracle) {
    Map<String, List<String>> listings = new LinkedHashMap<>();
    for (String account : accountsOf(oracle)) {
      for (Map.Entry<String, RecordingFilter> query :
          ClusterQueries.of(oracle, account).entrySet()) {
        List<String> expected = sidsOf(oracle.list(account, query.getValue()));
        List<List<String>> seen = new ArrayList<>();
        for (int instance = 0; instance < INSTANCES; instance++) {
          int fixed = instance;
          seen.add(followAll(cluster, account, query.getKey(), page -> fixed, expected));
        }
        seen.add(followAll(cluster, account, query.getKey(), page -> page % INSTANCES, expected));
        seen.add(
            followAll(cluster, account, query.getKey(), page -> (page + 1) % INSTANCES, expected));
        assertThat(seen)
            .as("%s %s: the same recordings from every instance and every mix", account, query)
            .allSatisfy(list -> assertThat(list).isEqualTo(seen.get(0)));
        listings.put(account + query.getKey(), seen.get(0));
      }
    }
    return listings;
  }

  /** Fetches every recording from every instance: each as the unfiltered listing renders it. */
  private void compareEveryFetchOnEveryInstance(
      ClusterInstances cluster, ContractOracle oracle, Map<String, List<String>> listings) {
    for (String account : accountsOf(oracle)) {
      List<String> all = listings.get(account);
      List<Recording> recordings = oracle.list(account, RecordingFilter.NONE);
      for (int instance = 0; instance < INSTANCES; instance++) {
        for (int i = 0; i < recordings.size(); i++) {
          Answer fetched = fetch(cluster, instance, account, recordings.get(i).sid());
          assertThat(fetched.status()).as("fetch %s", fetched).isEqualTo(200);
          assertThat(rendered(fetched.body(), cluster.baseUrl(instance)))
              .as("fetch of %s from instance %d", recordings.get(i).sid(), instance)
              .isEqualTo(all.get(i));
        }
      }
    }
  }

  @Test
  void shouldAnswerCompletelyOrWith503WhileAnInstanceStopsUnderLoad() throws Exception {
    ChaosEventGenerator generator = new ChaosEventGenerator(11);
    List<RawRecord> records = generator.generate(300);
    ContractOracle oracle = new ContractOracle().acceptAll(records);
    List<String> accounts = generator.accountSids();
    // The defaults: a standby answers only as an exact copy (MAX_STANDBY_LAG 1: under exactly-once
    // the changelog's last offset is a transaction marker) and a restoring active never answers,
    // so no short page can appear while partitions move.
    Map<String, String> exactCopies = Map.of();

    try (ClusterInstances cluster = startCluster(accounts, exactCopies)) {
      produce(cluster, records);
      awaitCompleteEverywhere(cluster, List.of(0, 1, 2), oracle, accounts);

      LocalTime stoppedAtClock = null;
      ClusterPagingClient paging =
          new ClusterPagingClient(client, cluster.baseUrl(0), PAGE_SIZE, oracle, accounts);
      ExecutorService executor = Executors.newSingleThreadExecutor();
      try {
        Future<?> running = executor.submit(paging);
        await("the client has paged through three listings")
            .atMost(Duration.ofSeconds(30))
            .until(() -> paging.completeListings.get() >= 3 || running.isDone());

        stoppedAtClock = LocalTime.now();
        long stoppedAt = System.nanoTime();
        cluster.abandon(2); // no clean leave: the group keeps C until its session times out
        long closedAt = System.nanoTime();
        awaitCompleteEverywhere(cluster, List.of(0, 1), oracle, accounts);
        LOG.info(
            "Instance C crashed in {} ms; A and B answered completely again {} ms after the crash",
            TimeUnit.NANOSECONDS.toMillis(closedAt - stoppedAt),
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stoppedAt));

        // Keep paging past the session timeout (45 s), through the rebalance that drops C.
        long sessionTimeoutPassed = stoppedAt + Duration.ofSeconds(50).toNanos();
        await("the client pages on past C's session timeout")
            .atMost(Duration.ofSeconds(120))
            .until(() -> System.nanoTime() > sessionTimeoutPassed || running.isDone());
        awaitCompleteEverywhere(cluster, List.of(0, 1), oracle, accounts);
        LOG.info(
            "A and B answer completely {} ms after C crashed, after the rebalance",
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stoppedAt));
        int before = paging.completeListings.get();
        await("the client pages through three more listings without C")
            .atMost(Duration.ofSeconds(60))
            .until(() -> paging.completeListings.get() >= before + 3 || running.isDone());
        paging.stop.set(true);
        running.get(60, TimeUnit.SECONDS);
      } finally {
        paging.stop.set(true);
        executor.shutdownNow();
      }
      LOG.info(
          "Client under failure: {} complete listings, {} answers 503 with Retry-After",
          paging.completeListings.get(),
          paging.unavailable.get());
      assertThat(paging.failures)
          .as("answers neither complete and correct nor 503 (C stopped at %s)", stoppedAtClock)
          .isEmpty();
    }
  }

  @Test
  void shouldAnswerCompletelyOrWith503ThroughARollingRestartOfEveryInstance() throws Exception {
    ChaosEventGenerator generator = new ChaosEventGenerator(17);
    List<RawRecord> records = generator.generate(300);
    ContractOracle oracle = new ContractOracle().acceptAll(records);
    List<String> accounts = generator.accountSids();

    try (ClusterInstances cluster = startCluster(accounts, Map.of())) {
      produce(cluster, records);
      awaitCompleteEverywhere(cluster, List.of(0, 1, 2), oracle, accounts);

      for (int restarting = 0; restarting < INSTANCES; restarting++) {
        int serving = (restarting + 1) % INSTANCES;
        ClusterPagingClient paging =
            new ClusterPagingClient(client, cluster.baseUrl(serving), PAGE_SIZE, oracle, accounts);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        long startedAt = System.nanoTime();
        try {
          Future<?> running = executor.submit(paging);
          cluster.stop(restarting);
          cluster.restart(restarting);
          awaitCompleteEverywhere(cluster, List.of(0, 1, 2), oracle, accounts);
          LOG.info(
              "Instance {} restarted; all answer completely {} ms after its stop",
              restarting,
              TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
          int before = paging.completeListings.get();
          await("the client pages through a listing after instance " + restarting + " is back")
              .atMost(Duration.ofSeconds(60))
              .until(() -> paging.completeListings.get() > before || running.isDone());
          paging.stop.set(true);
          running.get(60, TimeUnit.SECONDS);
        } finally {
          paging.stop.set(true);
          executor.shutdownNow();
        }
        assertThat(paging.failures)
            .as(
                "answers neither complete and correct nor 503 while instance %d restarted",
                restarting)
            .isEmpty();
      }
    }
  }

  @Test
  void shouldAnswer503WithinThePeerTimeoutWhileAPeerHangs() throws Exception {
    ChaosEventGenerator generator = new ChaosEventGenerator(5);
    List<RawRecord> records = generator.generate(120);
    ContractOracle oracle = new ContractOracle().acceptAll(records);
    List<String> accounts = generator.accountSids();
    AtomicReference<ClusterProxy> proxy = new AtomicReference<>();
    Map<String, String> settings =
        Map.of("NUM_STANDBY_REPLICAS", "0", "PEER_TIMEOUT_MS", Long.toString(PEER_TIMEOUT_MS));

    try (ClusterInstances cluster =
        startCluster(
            accounts,
            settings,
            port -> {
              proxy.set(new ClusterProxy(port));
              return proxy.get().port();
            })) {
      try {
        produce(cluster, records);
        awaitCompleteEverywhere(cluster, List.of(0, 1, 2), oracle, accounts);

        proxy.get().hang();
        for (int instance = 0; instance < INSTANCES - 1; instance++) {
          for (String account : accounts) {
            long start = System.nanoTime();
            Answer answer =
                client.get(cluster.baseUrl(instance) + "/v1/Recordings?PageSize=100", account);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            LOG.info("Instance {}: {} in {} ms while C hangs", instance, answer.status(), millis);
            assertThat(answer.isUnavailableWithRetryAfter()).as("%s", answer).isTrue();
            assertThat(answer.body().get("code").asInt()).isEqualTo(20503);
            assertThat(millis).isLessThan(PEER_TIMEOUT_MS + 2_000);
          }
        }

        proxy.get().release();
        awaitCompleteEverywhere(cluster, List.of(0, 1, 2), oracle, accounts);
      } finally {
        proxy.get().close();
      }
    }
  }

  private ClusterInstances startCluster(List<String> accounts, Map<String, String> overrides)
      throws Exception {
    return startCluster(accounts, overrides, port -> port);
  }

  /** Starts the instances; the last one advertises {@code advertisedPortOfLast} of its port. */
  private ClusterInstances startCluster(
      List<String> accounts, Map<String, String> overrides, IntUnaryOperator advertisedPortOfLast)
      throws Exception {
    Map<String, String> tokens = new LinkedHashMap<>();
    accounts.forEach(a -> tokens.put(a, TOKEN));
    Path accountsFile = dir.resolve("accounts.json");
    Files.writeString(accountsFile, JSON.writeValueAsString(tokens));
    ClusterInstances cluster = new ClusterInstances(dir, accountsFile, overrides);
    try {
      for (int i = 0; i < INSTANCES - 1; i++) {
        cluster.start();
      }
      cluster.start(advertisedPortOfLast);
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /**
   * Waits until each of {@code instances} lists every account's recordings with the oracle's
   * list-relevant fields: then every filtered listing is determined.
   */
  private void awaitCompleteEverywhere(
      ClusterInstances cluster,
      List<Integer> instances,
      ContractOracle oracle,
      List<String> accounts) {
    await("instances " + instances + " list every account's recordings as the oracle folds them")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                instances.stream()
                    .allMatch(
                        i ->
                            accounts.stream()
                                .allMatch(
                                    a ->
                                        listing(cluster, i, a)
                                            .map(
                                                l ->
                                                    l.equals(
                                                        fingerprints(
                                                            oracle.list(a, RecordingFilter.NONE))))
                                            .orElse(false))));
  }

  /** The fingerprints of the whole unfiltered listing, or empty when any page was not a 200. */
  private Optional<List<String>> listing(ClusterInstances cluster, int instance, String account) {
    List<String> listed = new ArrayList<>();
    String url = cluster.baseUrl(instance) + "/v1/Recordings?PageSize=100";
    while (url != null) {
      Answer answer = client.get(url, account);
      if (!answer.isComplete()) {
        return Optional.empty();
      }
      answer.body().get("recordings").forEach(r -> listed.add(ClusterPages.fingerprint(r)));
      JsonNode next = answer.body().get("meta").get("next_page_url");
      url = next.isNull() ? null : next.asText();
    }
    return Optional.of(listed);
  }

  /**
   * Follows {@code next_page_url} from page 0 to the end, asking page k of instance {@code
   * instanceOfPage(k)} (the URL's host and port rewritten); asserts every page is a 200 valid under
   * Twilio's schema and the recordings are {@code expectedSids}. Returns the recordings rendered.
   */
  private List<String> followAll(
      ClusterInstances cluster,
      String account,
      String query,
      IntUnaryOperator instanceOfPage,
      List<String> expectedSids) {
    List<JsonNode> recordings = new ArrayList<>();
    List<String> renderedRecordings = new ArrayList<>();
    String url = cluster.baseUrl(0) + "/v1/Recordings?PageSize=" + PAGE_SIZE + query;
    for (int page = 0; url != null; page++) {
      int instance = instanceOfPage.applyAsInt(page);
      Answer answer = client.get(ClusterClient.onPort(url, cluster.port(instance)), account);
      assertThat(answer.status()).as("%s", answer).isEqualTo(200);
      assertThat(TwilioSchemas.validateListResponse(answer.body()))
          .as("Twilio's ListRecordingResponse schema, for %s", answer.url())
          .isEmpty();
      answer.body().get("recordings").forEach(recordings::add);
      answer
          .body()
          .get("recordings")
          .forEach(r -> renderedRecordings.add(rendered(r, cluster.baseUrl(instance))));
      JsonNode next = answer.body().get("meta").get("next_page_url");
      url = next.isNull() ? null : next.asText();
    }
    assertThat(sids(recordings)).as("%s %s", account, query).isEqualTo(expectedSids);
    return renderedRecordings;
  }

  /** The accounts that have recordings, in the oracle's order. */
  private static List<String> accountsOf(ContractOracle oracle) {
    return oracle.recordings().stream().map(Recording::accountSid).distinct().toList();
  }

  private Answer fetch(ClusterInstances cluster, int instance, String account, String sid) {
    return client.get(cluster.baseUrl(instance) + "/v1/Recordings/" + sid, account);
  }

  private static void produce(ClusterInstances cluster, List<RawRecord> records) {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", KafkaFixture.bootstrapServers(), "linger.ms", 5),
            new StringSerializer(),
            new StringSerializer())) {
      String topic = cluster.sharedConfig().recordingsTopic();
      for (RawRecord record : records) {
        producer.send(new ProducerRecord<>(topic, record.key(), record.value()));
      }
      producer.flush();
    }
  }
}
