package dev.recordingsindexer.benchmarks.query;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Appends one JSON line per benchmark run to {@code <dir>/<benchmark>.jsonl}, in the shape of the
 * load benchmarks' lines: the date, the git commit and whether the tree had changes, the machine
 * (cores, memory, JVM), the options and the results. Values are maps, lists, strings, numbers,
 * booleans or null.
 */
final class ResultLog {

  private static final JsonFactory JSON = new JsonFactory();

  private ResultLog() {}

  /** Appends the line and returns it. */
  static String append(Path dir, String benchmark, Map<String, ?> options, Map<String, ?> results)
      throws IOException {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("benchmark", benchmark);
    line.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    String status = git("status", "--porcelain", "--untracked-files=no");
    line.put("commit", git("rev-parse", "--short", "HEAD"));
    line.put("dirty", status == null ? null : !status.isEmpty());
    line.put("nproc", Runtime.getRuntime().availableProcessors());
    line.put("mem_total_bytes", memTotal());
    line.put("java", System.getProperty("java.version"));
    line.put("options", options);
    line.put("results", results);
    String text = toJson(line);
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve(benchmark + ".jsonl"),
        text + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    return text;
  }

  static String toJson(Object value) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      write(json, value);
    }
    return out.toString();
  }

  private static void write(JsonGenerator json, Object value) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof Map<?, ?> map) {
      json.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        json.writeFieldName(String.valueOf(e.getKey()));
        write(json, e.getValue());
      }
      json.writeEndObject();
    } else if (value instanceof List<?> list) {
      json.writeStartArray();
      for (Object item : list) {
        write(json, item);
      }
      json.writeEndArray();
    } else if (value instanceof Integer || value instanceof Long) {
      json.writeNumber(((Number) value).longValue());
    } else if (value instanceof Number number) {
      double d = number.doubleValue();
      if (Double.isFinite(d)) {
        json.writeNumber(d);
      } else {
        json.writeNull();
      }
    } else if (value instanceof Boolean b) {
      json.writeBoolean(b);
    } else {
      json.writeString(value.toString());
    }
  }

  private static Long memTotal() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return null;
    }
    return null;
  }

  private static String git(String... args) {
    try {
      List<String> command = new ArrayList<>(List.of("git"));
      command.addAll(List.of(args));
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
        return null;
      }
      return out.trim();
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
