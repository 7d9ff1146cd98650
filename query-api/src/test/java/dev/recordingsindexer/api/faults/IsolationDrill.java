package dev.recordingsindexer.api.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recordingsindexer.indexer.testing.ChaosEventGenerator;
import dev.recordingsindexer.indexer.testing.RawRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drill shared by the long pause and the network partition: two instances answering for each
 * other index a first stream; then a second stream (other accounts) flows while one instance is cut
 * off from the cluster, from a moment it holds an open transaction until past the session timeout.
 * Must hold: the other instance answers the first stream's accounts exactly or with 503 throughout,
 * and completes exact listings while the other is cut off; the cut-off instance's open transaction
 * is aborted by the broker and the instance is dropped from the group; once back it learns it was
 * fenced, rejoins, and both instances show exactly the model, with no transaction left open.
 */
final class IsolationDrill {

  /** Cuts one instance off and reconnects it. */
  interface Isolation {
    void begin();

    void end();
  }

  /**
   * Past the session timeout ({@link Deployment#SESSION_TIMEOUT}) and Streams' exactly-once
   * transaction timeout (10 s), so the group drops the instance and the broker aborts its open
   * transaction before it comes back.
   */
  static final Duration HELD = Duration.ofSeconds(25);

  private static final Logger LOG = LoggerFactory.getLogger(IsolationDrill.class);

  /** The settings of both instances: peers answer for each other; transactions stay open 5 s. */
  static Map<String, String> settings() {
    return Map.of(
        "PEER_SECRET", "fault-drill-peer-secret",
        "TOPIC_PARTITIONS", "4",
        "COMMIT_INTERVAL_MS", "5000");
  }

  /** The two streams, of distinct accounts: indexed before, flowing during the isolation. */
  record Inputs(ChaosEventGenerator before, ChaosEventGenerator during) {

    static Inputs seeded(long seed) {
      return new Inputs(new ChaosEventGenerator(seed), new ChaosEventGenerator(seed + 1));
    }

    List<String> accounts() {
      List<String> all = new ArrayList<>(before.accountSids());
      all.addAll(during.accountSids());
      return all;
    }
  }

  private IsolationDrill() {}

  static void run(
      Inputs inputs,
      Deployment deployment,
      ModelCheck model,
      BrokerView broker,
      InstanceProcess steady,
      InstanceProcess isolated,
      Isolation isolation)
      throws Exception {
    List<RawRecord> before = inputs.before().generate(250);
    List<RawRecord> during = inputs.during().generate(250);
    model.addAccounts(inputs.accounts());
    steady.start();
    isolated.start();
    steady.awaitReady(Duration.ofMinutes(3));
    isolated.awaitReady(Duration.ofMinutes(3));
    model.produce(before);
    model.awaitExact(
        "both instances show the first stream", Duration.ofMinutes(2), steady, isolated);
    Map<String, List<JsonNode>> expected = new LinkedHashMap<>();
    inputs.before().accountSids().forEach(a -> expected.put(a, model.expectedListing(a)));
    String processOfIsolated = isolated.streamsProcessId().orElseThrow();
    String transactionsOfIsolated = deployment.applicationId() + "-" + processOfIsolated;

    ListingProbe probe = new ListingProbe(steady.baseUrl(), expected);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    long begun;
    long ended;
    try (ReadinessWatch steadyWatch = new ReadinessWatch(steady);
        ReadinessWatch isolatedWatch = new ReadinessWatch(isolated)) {
      long origin = System.nanoTime();
      Future<?> probing = threads.submit(probe);
      Future<?> producing =
          threads.submit(
              () -> {
                for (List<RawRecord> chunk : ModelCheck.chunks(during, 50)) {
                  model.produce(chunk);
                  Thread.sleep(1_800);
                }
                return null;
              });
      try {
        await("the instance to cut off has an open transaction")
            .atMost(Duration.ofMinutes(1))
            .pollInterval(Duration.ofMillis(50))
            .until(() -> !broker.ongoing(transactionsOfIsolated).isEmpty());
        isolation.begin();
        begun = System.nanoTime();
        LOG.info("{} cut off with an open transaction", isolated);
        Thread.sleep(HELD.toMillis()); // holding the fault
        assertThat(broker.ongoing(transactionsOfIsolated))
            .as("the cut-off instance's transactions, aborted by the broker meanwhile")
            .isEmpty();
        assertThat(broker.members(deployment.applicationId(), processOfIsolated))
            .as("the cut-off instance, dropped from the group when its session timed out")
            .isEmpty();
        assertThat(steady.isAlive()).as("%s runs", steady).isTrue();
        isolation.end();
        ended = System.nanoTime();
        await("the isolated instance is a member of the group again")
            .atMost(Duration.ofMinutes(2))
            .until(() -> !broker.members(deployment.applicationId(), processOfIsolated).isEmpty());
        LOG.info(
            "{} rejoined the group {} ms after it was reconnected", isolated, millisSince(ended));
        isolated.awaitReady(Duration.ofMinutes(3));
        LOG.info("{} ready {} ms after it was reconnected", isolated, millisSince(ended));
        producing.get(3, TimeUnit.MINUTES);
        long producedAt = System.nanoTime();
        model.awaitExact(
            "both instances show exactly the model", Duration.ofMinutes(3), steady, isolated);
        LOG.info("Both exact {} ms after the last record", millisSince(producedAt));
        LOG.info(
            "Group members of {} (input partitions assigned): {}",
            isolated,
            broker.members(deployment.applicationId(), processOfIsolated));
        assertThat(isolated.allLogs())
            .as("%s's log tells it was fenced", isolated)
            .containsIgnoringCase("fenced");
      } finally {
        probe.stop.set(true);
        producing.cancel(true);
        probing.get(1, TimeUnit.MINUTES);
        LOG.info("{} readiness:{}", steady, steadyWatch.timeline(origin));
        LOG.info("{} readiness:{}", isolated, isolatedWatch.timeline(origin));
      }
    } finally {
      threads.shutdownNow();
    }
    List<String> written = new ArrayList<>(deployment.internalTopics());
    written.add(deployment.deadLetterTopic());
    Duration settled = broker.awaitSettled(written, Duration.ofMinutes(1));
    LOG.info("No open transaction {} ms after the state was exact", settled.toMillis());
    assertThat(broker.lagging(deployment.applicationId(), deployment.topic())).isEmpty();
    LOG.info("Client of {} during the drill: {}", steady, probe);
    assertThat(probe.failures)
        .as("answers of %s neither exact nor 503 with Retry-After", steady)
        .isEmpty();
    assertThat(probe.completedBetween(begun, ended))
        .as("exact listings from %s alone while the other was cut off", steady)
        .isPositive();
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }
}
