package dev.recordingsindexer.api.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker command prints a working bootstrap address and stops cleanly when released. */
class BrokerCommandIT {

  @TempDir Path dataDir;

  @Test
  void shouldServeKafkaAtThePrintedAddressUntilStopped() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CountDownLatch stop = new CountDownLatch(1);
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () ->
                BrokerCommand.run(
                    List.of("--data-dir", dataDir.toString()),
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    System.err,
                    stop));
    try {
      await("the ready line")
          .atMost(Duration.ofMinutes(2))
          .failFast("the command returned", exit::isDone)
          .until(() -> out.toString(StandardCharsets.UTF_8).contains(BrokerCommand.READY));
      String printed = out.toString(StandardCharsets.UTF_8);
      String bootstrap =
          printed
              .substring(printed.indexOf(BrokerCommand.READY) + BrokerCommand.READY.length())
              .trim();
      assertThat(bootstrap).matches("127\\.0\\.0\\.1:\\d+");
      try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrap))) {
        admin.createTopics(List.of(new NewTopic("made", 3, (short) 1))).all().get();
        assertThat(admin.listTopics().names().get()).contains("made");
      }
    } finally {
      stop.countDown();
    }
    assertThat(exit.get(1, TimeUnit.MINUTES)).isZero();
    assertThat(dataDir.resolve("logs/meta.properties")).exists();
  }
}
