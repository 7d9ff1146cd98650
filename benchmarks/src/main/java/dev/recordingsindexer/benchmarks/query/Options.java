package dev.recordingsindexer.benchmarks.query;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options of the form {@code --name value}, checked against the names a benchmark
 * knows; typed getters fail with the option's name. Durations are {@code 500ms}, {@code 30s},
 * {@code 2m} or plain seconds.
 */
final class Options {

  private final Map<String, String> values;

  private Options(Map<String, String> values) {
    this.values = values;
  }

  /**
   * Parses {@code args}.
   *
   * @throws IllegalArgumentException for an unknown name, a name without a value or a stray word
   */
  static Options parse(List<String> args, Set<String> known) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument: " + arg);
      }
      String name = arg.substring(2);
      String value;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (i + 1 < args.size()) {
        value = args.get(++i);
      } else {
        throw new IllegalArgumentException("--" + name + " needs a value");
      }
      if (!known.contains(name)) {
        throw new IllegalArgumentException("unknown option --" + name + "; known: " + known);
      }
      values.put(name, value);
    }
    return new Options(values);
  }

  /** The options as given, in order, for the result line. */
  Map<String, String> given() {
    return Map.copyOf(values);
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  String string(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  /** The value of an option the caller must give. */
  String required(String name) {
    String value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }

  int integer(String name, int fallback) {
    return (int) number(name, fallback);
  }

  long number(String name, long fallback) {
    String value = values.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Long.parseLong(value.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be an integer: " + value);
    }
  }

  double decimal(String name, double fallback) {
    String value = values.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(value.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a number: " + value);
    }
  }

  Duration duration(String name, Duration fallback) {
    String value = values.get(name);
    return value == null ? fallback : parseDuration(name, value);
  }

  /** A comma-separated list; the fallback when the option is absent. */
  List<String> list(String name, List<String> fallback) {
    String value = values.get(name);
    if (value == null) {
      return fallback;
    }
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  static Duration parseDuration(String name, String value) {
    try {
      if (value.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
      }
      if (value.endsWith("s")) {
        return Duration.ofMillis(
            Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 1000));
      }
      if (value.endsWith("m")) {
        return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)) * 60);
      }
      return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--" + name + " must be a duration such as 500ms, 30s or 2m: " + value);
    }
  }
}
