package dev.recordingsindexer.api.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recordingsindexer.api.KafkaFixture;
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
 * Fault 1, a crash with an open transaction: the instance process is killed with SIGKILL three
 * times while it ingests, each time while the broker lists one of its transactions as open (a
 * commit interval of 5 s keeps them open long enough), and restarted on the same state directory.
 * Afterwards every recording and every dead letter is exactly what the contract folds from the
 * records produced, none lost or doubled, and no transaction is left hanging on the topics the
 * service writes.
 */
class InstanceCrashIT {

  private static final Logger LOG = LoggerFactory.getLogger(InstanceCrashIT.class);
  private static final int ROUNDS = 3;
  private static final int CHUNKS = 60;

  private final Path dir = Deployment.directory(InstanceCrashIT.class);

  @Test
  void shouldFoldEveryRecordExactlyOnceWhenKilledThreeTimesWithAnOpenTransaction() {
    ChaosEventGenerator generator = new ChaosEventGenerator(51);
    List<RawRecord> records = generator.generate(500);
    String bootstrap = KafkaFixture.bootstrapServers();
    Deployment deployment =
        new Deployment(
            dir, bootstrap, generator.accountSids(), Map.of("COMMIT_INTERVAL_MS", "5000"));
    int port = FreePorts.pick();
    String url = "http://127.0.0.1:" + port;
    List<String> written = new ArrayList<>(deployment.internalTopics());
    written.add(deployment.deadLetterTopic());

    try (ModelCheck model = new ModelCheck(bootstrap, deployment);
        BrokerView broker = new BrokerView(bootstrap);
        InstanceProcess instance =
            new InstanceProcess(
                "crashing",
                dir,
                deployment.environment(port, dir.resolve("state"), url),
                List.of(),
                url)) {
      model.addAccounts(generator.accountSids());
      instance.start().awaitReady(Duration.ofMinutes(2));
      List<List<RawRecord>> chunks = ModelCheck.chunks(records, CHUNKS);
      int next = 0;
      for (int round = 1; round <= ROUNDS; round++) {
        List<String> open = List.of();
        int spread = round * CHUNKS / (ROUNDS + 1) - 6; // the kills spread over the input
        while (next < spread || (open.isEmpty() && next < CHUNKS - (ROUNDS - round + 1) * 3)) {
          model.produce(chunks.get(next++));
          pause(Duration.ofMillis(150));
          open = broker.ongoing(deployment.applicationId());
        }
        assertThat(open)
            .as("round %d: an open transaction of the instance to kill", round)
            .isNotEmpty();
        instance.kill();
        assertThat(broker.unstable(written))
            .as("round %d: the kill left a transaction open on the topics it writes", round)
            .isNotEmpty();
        LOG.info(
            "Round {}: killed after {} of {} records, with open transactions {}",
            round,
            model.producedCount(),
            records.size(),
            open);
        model.produce(chunks.get(next++)); // while it is down
        long restartedAt = System.nanoTime();
        instance.start().awaitReady(Duration.ofMinutes(3));
        LOG.info("Round {}: ready again {} ms after the restart", round, millisSince(restartedAt));
      }
      while (next < CHUNKS) {
        model.produce(chunks.get(next++));
      }
      long producedAt = System.nanoTime();
      model.awaitExact("the instance shows exactly the model", Duration.ofMinutes(2), instance);
      LOG.info(
          "{} records: {} recordings and {} dead letters exact {} ms after the last record",
          model.producedCount(),
          model.recordings().size(),
          model.expectedDeadLetters().size(),
          millisSince(producedAt));
      Duration settled = broker.awaitSettled(written, Duration.ofMinutes(1));
      LOG.info("No open transaction {} ms after the state was exact", settled.toMillis());
      assertThat(broker.lagging(deployment.applicationId(), deployment.topic()))
          .as("input offsets committed by the service behind the end of the input")
          .isEmpty();
      assertThat(instance.isAlive()).isTrue();
    }
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  /** Spreads production over time, so that the kills land mid-ingest. */
  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
