package dev.recordingsindexer.benchmarks.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of the load subcommands ({@code --name value}, or {@code --name} alone for flags),
 * with their defaults. Options it does not know are kept apart as {@link #rest()} for the query and
 * freshness drivers, which validate their own.
 */
final class BenchOptions {

  static final Map<String, String> DEFAULTS = defaults();
  private static final Set<String> FLAGS = Set.of("--refill", "--keep-running");

  private final Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
  private final List<String> rest = new ArrayList<>();

  private static Map<String, String> defaults() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("--recordings", "1000000");
    d.put("--seed", "42");
    d.put("--partitions", "6");
    d.put("--topic", "recording-events");
    d.put("--work-dir", "benchmarks/target/bench");
    d.put("--guarantee", "exactly_once_v2");
    d.put("--xmx", "512m");
    d.put("--jvm-args", "");
    d.put("--service-env", "");
    d.put("--commit-interval-ms", "");
    d.put("--stream-threads", "1");
    d.put("--jfr-seconds", "0");
    d.put("--bootstrap", "");
    d.put("--timeout-minutes", "60");
    d.put("--settle-seconds", "10");
    d.put("--warm-fetches", "5000");
    d.put("--results-dir", "benchmarks/results");
    return d;
  }

  /** Parses {@code args}; unknown options (with their value) go to {@link #rest()}. */
  static BenchOptions parse(List<String> args) {
    BenchOptions options = new BenchOptions();
    for (int i = 0; i < args.size(); i++) {
      String name = args.get(i);
      if (FLAGS.contains(name)) {
        options.values.put(name, "true");
      } else if (DEFAULTS.containsKey(name)) {
        if (i + 1 >= args.size()) {
          throw new IllegalArgumentException(name + " needs a value");
        }
        options.values.put(name, args.get(++i));
      } else {
        options.rest.add(name);
      }
    }
    return options;
  }

  String get(String name) {
    return values.getOrDefault(name, "");
  }

  int integer(String name) {
    return Integer.parseInt(get(name).replace("_", ""));
  }

  long seed() {
    return Long.parseLong(get("--seed"));
  }

  boolean flag(String name) {
    return Boolean.parseBoolean(get(name));
  }

  Path workDir() {
    return Path.of(get("--work-dir")).toAbsolutePath();
  }

  Dataset dataset() {
    return Dataset.of(seed(), integer("--recordings"));
  }

  /** The service's JVM arguments: -Xmx, --jvm-args (space-separated), and JFR when asked. */
  List<String> jvmArgs(String serviceName) {
    List<String> args = new ArrayList<>();
    args.add("-Xmx" + get("--xmx"));
    if (!get("--jvm-args").isBlank()) {
      args.addAll(Arrays.asList(get("--jvm-args").trim().split("\\s+")));
    }
    if (integer("--jfr-seconds") > 0) {
      Path file = workDir().resolve(serviceName + ".jfr");
      args.add(
          "-XX:StartFlightRecording=duration="
              + integer("--jfr-seconds")
              + "s,filename="
              + file
              + ",settings=profile");
    }
    return args;
  }

  /** Everything this parser knew, for the result line. */
  Map<String, String> asMap() {
    return new LinkedHashMap<>(values);
  }

  /** The options this parser did not know, in order. */
  List<String> rest() {
    return List.copyOf(rest);
  }
}
