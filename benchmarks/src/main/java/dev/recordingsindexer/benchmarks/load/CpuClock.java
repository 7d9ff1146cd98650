package dev.recordingsindexer.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of processes (user + system, from {@code /proc/<pid>/stat}) and the load average. On a
 * shared machine, events per CPU-second stay comparable when wall-clock rates do not.
 */
final class CpuClock {

  private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

  private CpuClock() {}

  /** CPU seconds used so far by {@code pid}, NaN when unknown. */
  static double seconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // after "pid (comm) ": state is field 3, so utime (14) and stime (15) are at 11 and 12
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  static double self() {
    return seconds(ProcessHandle.current().pid());
  }

  /** The 1-minute load average, NaN when unknown. */
  static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }
}
