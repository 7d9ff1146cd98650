package dev.recordingsindexer.api.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recordingsindexer.api.broker.FreePorts;
import dev.recordingsindexer.indexer.testing.ChaosEventGenerator;
import dev.recordingsindexer.indexer.testing.RawRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fault 3, the broker goes away: the broker (a process of its own on fixed ports) is killed with
 * SIGKILL mid-ingest, stays away 70 s and comes back on the same data directory. The service
 * process must live through it, must not claim to be ready while it cannot work, must process again
 * within 120 s of the broker's return, and must then show exactly the model.
 */
class BrokerOutageIT {

  private static final Logger LOG = LoggerFactory.getLogger(BrokerOutageIT.class);
  private static final Duration OUTAGE = Duration.ofSeconds(70);
  private static final Duration RECOVERY = Duration.ofSeconds(120);

  /** How long the service may take to notice the broker is gone. */
  private static final Duration GRACE = Duration.ofSeconds(30);

  private final Path dir = Deployment.directory(BrokerOutageIT.class);

  @Test
  void shouldSurviveSeventySecondsWithoutBrokerAndResumeExactly() throws Exception {
    ChaosEventGenerator generator = new ChaosEventGenerator(71);
    List<RawRecord> records = generator.generate(500);
    List<List<RawRecord>> chunks = ModelCheck.chunks(records, 20);
    try (BrokerProcess broker =
        BrokerProcess.onLoopback(dir.resolve("broker"), FreePorts.pick(), FreePorts.pick())) {
      broker.start();
      String bootstrap = broker.bootstrapServers();
      Deployment deployment =
          new Deployment(
              dir, bootstrap, generator.accountSids(), Map.of("COMMIT_INTERVAL_MS", "1000"));
      int port = FreePorts.pick();
      String url = "http://127.0.0.1:" + port;
      try (ModelCheck model = new ModelCheck(bootstrap, deployment);
          InstanceProcess instance =
              new InstanceProcess(
                  "instance",
                  dir,
                  deployment.environment(port, dir.resolve("state"), url),
                  List.of(),
                  url)) {
        model.addAccounts(generator.accountSids());
        instance.start().awaitReady(Duration.ofMinutes(2));
        for (List<RawRecord> chunk : chunks.subList(0, 10)) {
          model.produce(chunk);
        }
        model.awaitExact("the instance shows the first half", Duration.ofMinutes(2), instance);

        long killed;
        long back;
        List<Integer> readyWhileAway = new ArrayList<>();
        String timeline;
        try (ReadinessWatch watch = new ReadinessWatch(instance)) {
          for (List<RawRecord> chunk : chunks.subList(10, 13)) {
            model.produce(chunk); // processing in flight when the broker dies
          }
          broker.kill();
          killed = System.nanoTime();
          Thread.sleep(OUTAGE.toMillis()); // holding the fault
          assertThat(instance.isAlive())
              .as("the service process after %s without broker", OUTAGE)
              .isTrue();
          broker.start();
          back = System.nanoTime();
          LOG.info("Broker back {} ms after it was killed", (back - killed) / 1_000_000);
          for (List<RawRecord> chunk : chunks.subList(13, chunks.size())) {
            model.produce(chunk);
          }
          model.awaitExact(
              "the instance shows exactly the model within " + RECOVERY + " of the broker's return",
              RECOVERY.minusNanos(System.nanoTime() - back),
              instance);
          timeline = watch.timeline(killed);
          LOG.info(
              "Exact again {} ms after the broker's return; readiness since the kill:{}",
              (System.nanoTime() - back) / 1_000_000,
              timeline);
          long graceOver = killed + GRACE.toNanos();
          readyWhileAway.add(watch.readyAt(graceOver));
          for (ReadinessWatch.Change change : watch.changes()) {
            if (change.at() > graceOver && change.at() < back) {
              readyWhileAway.add(change.ready());
            }
          }
          assertThat(watch.changes())
              .as("/healthz answered throughout")
              .allSatisfy(change -> assertThat(change.alive()).isTrue());
        }
        List<String> written = new ArrayList<>(deployment.internalTopics());
        written.add(deployment.deadLetterTopic());
        try (BrokerView view = new BrokerView(bootstrap)) {
          view.awaitSettled(written, Duration.ofMinutes(1));
          assertThat(view.lagging(deployment.applicationId(), deployment.topic())).isEmpty();
        }
        assertThat(readyWhileAway)
            .as(
                "/readyz from %s into the outage until the broker's return; since the kill:%s",
                GRACE, timeline)
            .doesNotContain(200);
      }
    }
  }
}
