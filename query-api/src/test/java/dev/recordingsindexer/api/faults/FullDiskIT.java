package dev.recordingsindexer.api.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.recordingsindexer.api.KafkaFixture;
import dev.recordingsindexer.api.broker.FreePorts;
import dev.recordingsindexer.indexer.testing.ChaosEventGenerator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fault 5, a full disk: the state directory is a 2 MB tmpfs (1 MB write buffers, so that RocksDB
 * flushes often) and input keeps coming until RocksDB cannot write. The log must name the cause and
 * the directory, and the instance must stop serving (exit, or answer 503 on {@code /readyz}); with
 * more space and a restart on the same state, it must show exactly the model: no record whose write
 * the full disk interrupted may be lost or skipped.
 */
class FullDiskIT {

  private static final Logger LOG = LoggerFactory.getLogger(FullDiskIT.class);
  private static final String NO_SPACE = "No space left on device";

  private final Path dir = Deployment.directory(FullDiskIT.class);

  @Test
  void shouldStopOnAFullStateDiskAndRecoverExactlyWithMoreSpace() throws Exception {
    ChaosEventGenerator generator = new ChaosEventGenerator(91);
    String bootstrap = KafkaFixture.bootstrapServers();
    Deployment deployment =
        new Deployment(
            dir,
            bootstrap,
            generator.accountSids(),
            Map.of("COMMIT_INTERVAL_MS", "500", "ROCKSDB_WRITE_BUFFER_MB", "1"));
    int port = FreePorts.pick();
    String url = "http://127.0.0.1:" + port;
    try (SmallDisk disk = SmallDisk.mount(dir.resolve("state"), 2);
        ModelCheck model = new ModelCheck(bootstrap, deployment);
        BrokerView broker = new BrokerView(bootstrap);
        InstanceProcess instance =
            new InstanceProcess(
                "instance", dir, deployment.environment(port, disk.path(), url), List.of(), url);
        ReadinessWatch watch = new ReadinessWatch(instance)) {
      model.addAccounts(generator.accountSids());
      instance.start().awaitReady(Duration.ofMinutes(2));
      long origin = System.nanoTime();
      for (int batch = 1; batch <= 20 && !diskFull(instance); batch++) {
        model.produce(generator.generate(600));
        await("batch " + batch + " processed, or the disk full")
            .atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () ->
                    diskFull(instance)
                        || broker
                            .lagging(deployment.applicationId(), deployment.topic())
                            .isEmpty());
        LOG.info("Batch {}: {} records; {}", batch, model.producedCount(), disk.usage());
      }
      assertThat(diskFull(instance)).as("the instance ran out of disk").isTrue();
      long full = System.nanoTime();
      LOG.info("Disk full after {} records: {}", model.producedCount(), disk.usage());
      await("the instance stops serving: exits, or /readyz answers 503")
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> !instance.isAlive() || instance.readiness().status() == 503);
      LOG.info(
          "Stopped serving {} ms after the disk filled; exit status {}; readiness:{}",
          (System.nanoTime() - full) / 1_000_000,
          instance.exitStatus(),
          watch.timeline(origin));
      String log = instance.allLogs();
      LOG.info("First lines naming the full disk:\n{}", linesNaming(log, NO_SPACE));
      assertThat(log).contains(NO_SPACE).contains(disk.path().toString());

      disk.resize(256);
      if (instance.isAlive()) {
        instance.stop();
      }
      long restarted = System.nanoTime();
      instance.start().awaitReady(Duration.ofMinutes(3));
      model.awaitExact(
          "the instance shows exactly the model after the restart with space",
          Duration.ofMinutes(3),
          instance);
      LOG.info(
          "Exact {} ms after the restart with space ({} ms after the disk filled)",
          (System.nanoTime() - restarted) / 1_000_000,
          (System.nanoTime() - full) / 1_000_000);
    }
  }

  private static boolean diskFull(InstanceProcess instance) {
    return !instance.isAlive() || instance.allLogs().contains(NO_SPACE);
  }

  private static String linesNaming(String log, String text) {
    return log.lines()
        .filter(line -> line.contains(text))
        .limit(5)
        .map(line -> line.length() > 600 ? line.substring(0, 600) + "..." : line)
        .reduce("", (a, b) -> a + b + "\n");
  }
}
