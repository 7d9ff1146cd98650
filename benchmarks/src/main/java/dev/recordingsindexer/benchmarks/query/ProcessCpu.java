package dev.recordingsindexer.benchmarks.query;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time consumed so far by this JVM or by another process (Linux {@code /proc}), so a benchmark
 * can report what the load driver and the service each cost per request.
 */
final class ProcessCpu {

  /** Clock ticks per second of {@code /proc/<pid>/stat} ({@code getconf CLK_TCK}; 100 on Linux). */
  private static final long TICKS_PER_SECOND = 100;

  private ProcessCpu() {}

  /** CPU nanoseconds used by this JVM, or -1 when the platform does not tell. */
  static long selfNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  /** CPU nanoseconds (user + system) used by process {@code pid}, or -1 when unknown. */
  static long nanos(long pid) {
    if (pid <= 0) {
      return -1;
    }
    try {
      return statNanos(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * CPU nanoseconds (user + system) of a {@code /proc/<pid>/stat} or {@code
   * /proc/<pid>/task/<tid>/stat} text. The name in parentheses may itself hold spaces and
   * parentheses, so the fields are counted from the last {@code ')'}.
   *
   * @throws RuntimeException when the text is not such a line
   */
  static long statNanos(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    return ticks * (1_000_000_000L / TICKS_PER_SECOND);
  }

  /** Cores used between two readings over {@code wallNanos}, or NaN when either reading failed. */
  static double cores(long before, long after, long wallNanos) {
    if (before < 0 || after < 0 || wallNanos <= 0) {
      return Double.NaN;
    }
    return (after - before) / (double) wallNanos;
  }
}
