package dev.recordingsindexer.benchmarks.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcessStatusTest {

  private static final String STATUS =
      """
      Name:\tjava
      Umask:\t0022
      State:\tS (sleeping)
      Pid:\t4242
      VmPeak:\t 4912344 kB
      VmHWM:\t  401234 kB
      VmRSS:\t  245112 kB
      RssAnon:\t  200000 kB
      Threads:\t57
      voluntary_ctxt_switches:\t12
      """;

  @Test
  void shouldReadResidentMemoryInBytesAndTheThreadCountFromTheStatusText() {
    ProcessStatus status = ProcessStatus.parse(STATUS, 311);

    assertThat(status.rssBytes()).isEqualTo(245_112L * 1024);
    assertThat(status.threads()).isEqualTo(57);
    assertThat(status.openFiles()).isEqualTo(311);
  }

  @Test
  void shouldRefuseAStatusTextWithoutResidentMemory() {
    assertThatThrownBy(() -> ProcessStatus.parse("Name:\tjava\nThreads:\t3\n", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("VmRSS");
  }

  @Test
  void shouldReadThisJvmsOwnStatusAndDescriptors() {
    ProcessStatus self = ProcessStatus.read(ProcessHandle.current().pid());

    assertThat(self.rssBytes()).isGreaterThan(10L * 1024 * 1024);
    assertThat(self.threads()).isGreaterThan(1);
    assertThat(self.openFiles()).isGreaterThanOrEqualTo(3);
  }
}
