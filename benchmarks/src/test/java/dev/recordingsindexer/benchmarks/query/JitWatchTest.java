package dev.recordingsindexer.benchmarks.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JitWatchTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void sumsTheCompilerThreadsOfATaskDirectoryOnly(@TempDir Path tasks) throws IOException {
    thread(tasks, 101, "C2 CompilerThre", 250, 50);
    thread(tasks, 102, "C1 CompilerThre", 30, 10);
    thread(tasks, 103, "qtp1-17", 9_000, 900);
    thread(tasks, 104, "weird) name (x", 7, 7);

    // (250 + 50 + 30 + 10) ticks of 10 ms
    assertThat(JitWatch.compilerNanos(tasks)).isEqualTo(3_400_000_000L);
  }

  @Test
  void isUnknownWithoutCompilerThreadsOrDirectory(@TempDir Path tasks) throws IOException {
    assertThat(JitWatch.compilerNanos(tasks.resolve("missing"))).isEqualTo(-1);
    thread(tasks, 7, "main", 5, 5);
    assertThat(JitWatch.compilerNanos(tasks)).isEqualTo(-1);
    assertThat(JitWatch.of(0).known()).isFalse();
  }

  @Test
  void seesThisJvmsOwnCompilerThreadsOnLinux() {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux /proc only");
    JitWatch watch = JitWatch.of(ProcessHandle.current().pid());
    assertThat(watch.known()).isTrue();
    assertThat(watch.cpuNanos()).isPositive();
  }

  @Test
  void isQuietOnlyAfterAWholeWindowUnderTheThreshold() {
    AtomicLong cpu = new AtomicLong();
    JitWatch watch = new JitWatch(cpu::get);
    long t = 0;
    // compiling half a core for 20 s
    for (int i = 0; i <= 20; i++, t += SECOND) {
      cpu.addAndGet(SECOND / 2);
      watch.sample(t);
      assertThat(watch.quiet()).isFalse();
    }
    // then 1% of a core: quiet once the window no longer reaches back into the busy time
    int quietAfter = -1;
    for (int i = 1; i <= 20; i++, t += SECOND) {
      cpu.addAndGet(SECOND / 100);
      watch.sample(t);
      if (watch.quiet() && quietAfter < 0) {
        quietAfter = i;
      }
    }
    assertThat(quietAfter).isBetween(10, 12);
    assertThat(watch.cores()).isCloseTo(0.01, org.assertj.core.data.Offset.offset(0.002));
  }

  @Test
  void aBurstInsideTheWindowKeepsItBusy() {
    AtomicLong cpu = new AtomicLong();
    JitWatch watch = new JitWatch(cpu::get);
    for (int i = 0; i <= 30; i++) {
      // 1% of a core, but 0.3 s of compiling at second 25
      cpu.addAndGet(i == 25 ? SECOND * 3 / 10 : SECOND / 100);
      watch.sample(i * SECOND);
      if (i == 20) {
        assertThat(watch.quiet()).isTrue();
      }
    }
    assertThat(watch.quiet()).isFalse();
  }

  @Test
  void samplesAtMostOncePerSecondAndNeverWhenUnknown() {
    AtomicLong reads = new AtomicLong();
    JitWatch watch =
        new JitWatch(
            () -> {
              reads.incrementAndGet();
              return 0;
            });
    for (long t = 0; t < 3 * SECOND; t += SECOND / 1000) {
      watch.sample(t);
    }
    assertThat(reads.get()).isEqualTo(3);

    JitWatch blind = new JitWatch(() -> -1);
    for (int i = 0; i < 30; i++) {
      blind.sample(i * SECOND);
    }
    assertThat(blind.quiet()).isFalse();
    assertThat(blind.cores()).isNaN();
  }

  private static void thread(Path tasks, int tid, String name, long utime, long stime)
      throws IOException {
    Path dir = Files.createDirectories(tasks.resolve(Integer.toString(tid)));
    Files.writeString(dir.resolve("comm"), name + "\n");
    // the fields of proc(5) after the name: state, then 10 more, then utime and stime
    Files.writeString(
        dir.resolve("stat"),
        tid
            + " ("
            + name
            + ") S 1 1 1 0 -1 4194368 100 0 0 0 "
            + utime
            + " "
            + stime
            + " 0 0 20 0 40 0 100 0 0\n");
  }
}
