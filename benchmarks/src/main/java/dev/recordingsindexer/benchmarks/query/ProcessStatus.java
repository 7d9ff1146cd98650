package dev.recordingsindexer.benchmarks.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What Linux reports about a process's resources: resident set size and threads from {@code
 * /proc/<pid>/status}, open file descriptors as the entries of {@code /proc/<pid>/fd} (readable for
 * a process of the same user).
 *
 * @param rssBytes {@code VmRSS}
 * @param threads {@code Threads}
 * @param openFiles entries of {@code /proc/<pid>/fd}; -1 when not counted
 */
record ProcessStatus(long rssBytes, int threads, int openFiles) {

  /**
   * Reads the status and descriptors of {@code pid}.
   *
   * @throws UncheckedIOException when the process is gone or its files are not readable
   */
  static ProcessStatus read(long pid) {
    Path proc = Path.of("/proc", Long.toString(pid));
    try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
      String status = Files.readString(proc.resolve("status"));
      return parse(status, Math.toIntExact(fds.count()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read /proc/" + pid, e);
    }
  }

  /**
   * The figures of a {@code /proc/<pid>/status} text (sizes in kB there), with {@code openFiles}.
   *
   * @throws IllegalArgumentException when {@code VmRSS} or {@code Threads} is missing
   */
  static ProcessStatus parse(String statusText, int openFiles) {
    long rssKb = -1;
    long threads = -1;
    for (String line : statusText.split("\n")) {
      if (line.startsWith("VmRSS:")) {
        rssKb = number(line);
      } else if (line.startsWith("Threads:")) {
        threads = number(line);
      }
    }
    if (rssKb < 0 || threads < 0) {
      throw new IllegalArgumentException("no VmRSS or Threads line in the status text");
    }
    return new ProcessStatus(rssKb * 1024, Math.toIntExact(threads), openFiles);
  }

  /** The first number of a line such as {@code "VmRSS:\t 245112 kB"}. */
  private static long number(String line) {
    String value = line.substring(line.indexOf(':') + 1).trim().split("\\s+")[0];
    return Long.parseLong(value);
  }
}
