package dev.recordingsindexer.benchmarks.query;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * Watches the CPU time of the service's JIT compiler threads, so a warm-up can last until the
 * service's code has settled instead of for a guessed time. On these 2 cores HotSpot keeps one C2
 * thread compiling for one to two minutes of load (round 6 and 7 of {@code docs/benchmarks.md}),
 * and latency measured meanwhile is that of code still being compiled.
 *
 * <p>The compiler threads are found in {@code /proc/<pid>/task}: HotSpot names them {@code C1
 * CompilerThread<n>} and {@code C2 CompilerThread<n>} (Linux keeps the first 15 characters). The
 * JIT is <em>quiet</em> when those threads used at most {@value #QUIET_CORES} of a core over the
 * last {@link #WINDOW_NANOS} of samples. Where {@code /proc} does not tell (another OS, an unknown
 * pid), {@link #known()} is false and a warm-up falls back to its fixed length.
 */
final class JitWatch {

  /** The compiler threads' share of one core at or under which the JIT counts as quiet. */
  static final double QUIET_CORES = 0.02;

  /** How far back {@link #quiet} looks. */
  static final long WINDOW_NANOS = 10_000_000_000L;

  /** Samples closer together than this are not taken (the loop may wake every millisecond). */
  private static final long SAMPLE_EVERY_NANOS = 1_000_000_000L;

  private record Sample(long wallNanos, long cpuNanos) {}

  private final LongSupplier cpuNanos;
  private final Deque<Sample> samples = new ArrayDeque<>();

  /** A watch over {@code cpuNanos}, which answers -1 when it cannot tell. */
  JitWatch(LongSupplier cpuNanos) {
    this.cpuNanos = cpuNanos;
  }

  /** A watch over the compiler threads of process {@code pid} (0 or less: unknown). */
  static JitWatch of(long pid) {
    Path tasks = Path.of("/proc", Long.toString(pid), "task");
    return new JitWatch(() -> pid <= 0 ? -1 : compilerNanos(tasks));
  }

  /**
   * CPU nanoseconds used so far by the JIT compiler threads among the {@code task} directory's
   * threads, or -1 when the directory cannot be read or holds no compiler thread.
   */
  static long compilerNanos(Path taskDir) {
    long total = 0;
    boolean found = false;
    try (DirectoryStream<Path> threads = Files.newDirectoryStream(taskDir)) {
      for (Path thread : threads) {
        try {
          if (isCompilerThread(Files.readString(thread.resolve("comm")).strip())) {
            total += ProcessCpu.statNanos(Files.readString(thread.resolve("stat")));
            found = true;
          }
        } catch (IOException | RuntimeException e) {
          // the thread ended between the listing and the read: its time is gone with it
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return found ? total : -1;
  }

  /** HotSpot's C1 and C2 compiler threads (and Graal's, which share the suffix). */
  static boolean isCompilerThread(String name) {
    return name.contains("CompilerThre");
  }

  /** Whether the compiler threads can be watched at all. */
  boolean known() {
    return cpuNanos.getAsLong() >= 0;
  }

  /** Compiler CPU nanoseconds so far, or -1 when unknown. */
  long cpuNanos() {
    return cpuNanos.getAsLong();
  }

  /** Takes a sample at {@code nowNanos} unless the last one is under a second old. */
  void sample(long nowNanos) {
    Sample last = samples.peekLast();
    if (last != null && nowNanos - last.wallNanos() < SAMPLE_EVERY_NANOS) {
      return;
    }
    long cpu = cpuNanos.getAsLong();
    if (cpu < 0) {
      return;
    }
    samples.addLast(new Sample(nowNanos, cpu));
    // keep the newest sample at least a window old, drop the ones before it
    while (samples.size() > 2) {
      var it = samples.iterator();
      it.next();
      if (nowNanos - it.next().wallNanos() >= WINDOW_NANOS) {
        samples.removeFirst();
      } else {
        break;
      }
    }
  }

  /**
   * Whether the samples span at least {@link #WINDOW_NANOS} and the compiler threads used at most
   * {@link #QUIET_CORES} of a core over them.
   */
  boolean quiet() {
    return samples.size() >= 2 && spanNanos() >= WINDOW_NANOS && cores() <= QUIET_CORES;
  }

  /** The compiler threads' cores over the samples kept, NaN with fewer than two. */
  double cores() {
    if (samples.size() < 2 || spanNanos() <= 0) {
      return Double.NaN;
    }
    long cpu = Math.max(0, samples.peekLast().cpuNanos() - samples.peekFirst().cpuNanos());
    return cpu / (double) spanNanos();
  }

  private long spanNanos() {
    return samples.peekLast().wallNanos() - samples.peekFirst().wallNanos();
  }
}
