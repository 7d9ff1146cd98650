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
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fault 4, errors at commit: every connection of the service to the broker passes a {@link
 * KafkaFaultProxy} that, while input flows for half a minute, breaks the connection on every third
 * EndTxn (the commit or abort of a transaction) and every third Produce request of the service's
 * clients, alternately losing the request and losing the broker's answer. The service must stay up
 * and end up showing exactly the model, with no transaction left open.
 */
class CommitErrorsIT {

  private static final Logger LOG = LoggerFactory.getLogger(CommitErrorsIT.class);

  private final Path dir = Deployment.directory(CommitErrorsIT.class);

  @Test
  void shouldConvergeExactlyWhenCommitsAndWritesLoseTheirConnection() throws Exception {
    ChaosEventGenerator generator = new ChaosEventGenerator(81);
    List<RawRecord> records = generator.generate(500);
    List<List<RawRecord>> chunks = ModelCheck.chunks(records, 30);
    int brokerPort = FreePorts.pick();
    int proxyPort = FreePorts.pick();
    try (KafkaFaultProxy proxy = new KafkaFaultProxy(proxyPort, brokerPort);
        BrokerProcess broker =
            BrokerProcess.advertising(
                dir.resolve("broker"),
                "127.0.0.1",
                brokerPort,
                FreePorts.pick(),
                "127.0.0.1:" + proxyPort)) {
      broker.start();
      String bootstrap = broker.bootstrapServers();
      Deployment deployment =
          new Deployment(
              dir, bootstrap, generator.accountSids(), Map.of("COMMIT_INTERVAL_MS", "500"));
      int port = FreePorts.pick();
      String url = "http://127.0.0.1:" + port;
      try (ModelCheck model = new ModelCheck(bootstrap, deployment);
          InstanceProcess instance =
              new InstanceProcess(
                  "instance",
                  dir,
                  deployment.environment(port, dir.resolve("state"), url),
                  List.of(),
                  url);
          ReadinessWatch watch = new ReadinessWatch(instance)) {
        model.addAccounts(generator.accountSids());
        instance.start().awaitReady(Duration.ofMinutes(2));
        for (List<RawRecord> chunk : chunks.subList(0, 10)) {
          model.produce(chunk);
        }
        model.awaitExact("the instance shows the first third", Duration.ofMinutes(2), instance);

        long origin = System.nanoTime();
        proxy.inject(
            Set.of(KafkaFaultProxy.END_TXN, KafkaFaultProxy.PRODUCE),
            deployment.applicationId() + "-",
            3);
        for (List<RawRecord> chunk : chunks.subList(10, chunks.size())) {
          model.produce(chunk);
          Thread.sleep(1_500); // spreads the input, hence the commits, over the fault
        }
        proxy.heal();
        LOG.info("Connections broken: {}", proxy.injected());
        assertThat(instance.isAlive()).as("the service process after the faults").isTrue();
        assertThat(proxy.injected().keySet())
            .as("faults injected")
            .contains("0 request lost", "0 response lost", "26 request lost", "26 response lost");

        long healed = System.nanoTime();
        model.awaitExact("the instance shows exactly the model", Duration.ofMinutes(2), instance);
        LOG.info(
            "Exact {} ms after the faults stopped; readiness:{}",
            (System.nanoTime() - healed) / 1_000_000,
            watch.timeline(origin));
        List<String> written = new ArrayList<>(deployment.internalTopics());
        written.add(deployment.deadLetterTopic());
        try (BrokerView view = new BrokerView(bootstrap)) {
          view.awaitSettled(written, Duration.ofMinutes(1));
          assertThat(view.lagging(deployment.applicationId(), deployment.topic())).isEmpty();
        }
        assertThat(instance.isAlive()).isTrue();
      }
    }
  }
}
