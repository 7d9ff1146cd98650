package dev.recordingsindexer.benchmarks.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The end of a benchmark: prints its figures as a table and appends them as one JSON line to {@code
 * <results-dir>/<subcommand>.jsonl}, with the date, the git commit (and whether the tree had
 * changes), the machine (cores, memory, JVM) and the options.
 */
final class ResultLog {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static double loadAtStart = Double.NaN;

  private ResultLog() {}

  /** Notes the load average when the benchmark starts (the result line reports both ends). */
  static void markStart() {
    loadAtStart = CpuClock.loadAverage();
  }

  static void write(String subcommand, BenchOptions options, Map<String, Object> figures) {
    System.out.println();
    System.out.println("== " + subcommand + " ==");
    figures.forEach(
        (name, value) -> System.out.printf(Locale.ROOT, "  %-46s %s%n", name, format(value)));
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("benchmark", subcommand);
    line.put("date", Instant.now().toString());
    line.put("commit", git("rev-parse", "--short", "HEAD"));
    line.put("dirty", !git("status", "--porcelain", "--untracked-files=no").isEmpty());
    line.put("nproc", Runtime.getRuntime().availableProcessors());
    line.put("mem_total_bytes", memTotal());
    line.put("java", System.getProperty("java.version"));
    line.put("loadavg_1m_start", Double.isNaN(loadAtStart) ? null : loadAtStart);
    line.put("loadavg_1m_end", CpuClock.loadAverage());
    line.put("options", options.asMap());
    Map<String, Object> results = new LinkedHashMap<>();
    figures.forEach((name, value) -> results.put(name, isNaN(value) ? null : value));
    line.put("results", results);
    Path file = Path.of(options.get("--results-dir")).resolve(subcommand + ".jsonl");
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(
          file,
          JSON.writeValueAsString(line) + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      System.out.println("  (appended to " + file + ")");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the result as JSON", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + file, e);
    }
  }

  private static boolean isNaN(Object value) {
    return value instanceof Double d && d.isNaN();
  }

  private static String format(Object value) {
    if (isNaN(value)) {
      return "n/a";
    }
    if (value instanceof Double d) {
      return String.format(Locale.ROOT, "%,.2f", d);
    }
    if (value instanceof Long || value instanceof Integer) {
      return String.format(Locale.ROOT, "%,d", value);
    }
    return String.valueOf(value);
  }

  private static String git(String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "git";
    System.arraycopy(args, 0, command, 1, args.length);
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0
          ? out.trim()
          : "unknown";
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  private static long memTotal() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException e) {
      // not Linux
    }
    return -1;
  }
}
