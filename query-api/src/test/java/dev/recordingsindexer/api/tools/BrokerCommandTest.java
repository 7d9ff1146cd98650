package dev.recordingsindexer.api.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recordingsindexer.api.config.UsageException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class BrokerCommandTest {

  @Test
  void shouldDefaultToTheLocalDataDirectoryAndFreePorts() {
    assertThat(BrokerCommand.parse(List.of()))
        .isEqualTo(new BrokerCommand.Options(Path.of("data", "kafka"), 0, 0));
  }

  @Test
  void shouldReadEveryFlag() {
    assertThat(
            BrokerCommand.parse(
                List.of("--data-dir", "/tmp/k", "--port", "9092", "--controller-port", "9093")))
        .isEqualTo(new BrokerCommand.Options(Path.of("/tmp/k"), 9092, 9093));
  }

  @Test
  void shouldRejectUnknownFlagsMissingValuesAndBadPorts() {
    assertThatThrownBy(() -> BrokerCommand.parse(List.of("--topic", "x")))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--topic");
    assertThatThrownBy(() -> BrokerCommand.parse(List.of("--port")))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("needs a value");
    assertThatThrownBy(() -> BrokerCommand.parse(List.of("--port", "70000")))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("port number");
  }

  @Test
  void shouldExitWithTwoAndTheUsageOnABadCommandLine() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        BrokerCommand.run(
            List.of("--nope", "1"),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            new CountDownLatch(0));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: broker");
  }
}
