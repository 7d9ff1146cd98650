package dev.recordingsindexer.api.config;

import dev.recordingsindexer.api.config.ServiceConfig.ProcessingGuarantee;
import dev.recordingsindexer.indexer.topology.IndexerSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns raw environment values into typed ones, each failure a {@link ConfigException} naming the
 * variable. A blank value counts as absent (compose files often pass empty variables).
 */
final class SettingReader {

  private static final Pattern KAFKA_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
  private static final Pattern HOST_PORT = Pattern.compile("[^\\s:,/]+:(\\d{1,5})");
  private static final Pattern ORIGIN = Pattern.compile("https?://[^\\s/,]+");
  private static final int MIN_SECRET_LENGTH = 16;

  private final Map<String, String> environment;

  SettingReader(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  Optional<String> optional(Setting setting) {
    return Optional.ofNullable(environment.get(setting.name()))
        .map(String::trim)
        .filter(v -> !v.isEmpty());
  }

  int integer(Setting setting, int defaultValue, int min, int max) {
    Optional<String> raw = optional(setting);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    try {
      int value = Integer.parseInt(raw.get());
      if (value < min || value > max) {
        throw new ConfigException(setting.name(), "must be " + min + ".." + max + ": " + value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new ConfigException(setting.name(), "not an integer: " + raw.get(), e);
    }
  }

  boolean bool(Setting setting, boolean defaultValue) {
    return optional(setting)
        .map(
            v -> {
              if (v.equalsIgnoreCase("true") || v.equals("1")) {
                return true;
              }
              if (v.equalsIgnoreCase("false") || v.equals("0")) {
                return false;
              }
              throw new ConfigException(setting.name(), "must be true or false: " + v);
            })
        .orElse(defaultValue);
  }

  String topicName(Setting setting, String defaultValue) {
    String value = optional(setting).orElse(defaultValue);
    if (!KAFKA_NAME.matcher(value).matches() || value.equals(".") || value.equals("..")) {
      throw new ConfigException(
          setting.name(), "must be 1-249 characters of [a-zA-Z0-9._-]: " + value);
    }
    return value;
  }

  Optional<String> bootstrapServers(Setting setting) {
    Optional<String> raw = optional(setting);
    raw.ifPresent(
        list -> {
          for (String server : list.split(",", -1)) {
            var matcher = HOST_PORT.matcher(server.trim());
            if (!matcher.matches() || Integer.parseInt(matcher.group(1)) > 65_535) {
              throw new ConfigException(
                  setting.name(), "expected host:port[,host:port...], got: " + list);
            }
          }
        });
    return raw;
  }

  Path path(Setting setting, String defaultValue) {
    String value = optional(setting).orElse(defaultValue);
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new ConfigException(setting.name(), "not a path: " + value, e);
    }
  }

  Optional<URI> httpUrl(Setting setting) {
    return optional(setting)
        .map(
            raw -> {
              String value = raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
              try {
                URI uri = new URI(value);
                boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
                if (!http
                    || uri.getHost() == null
                    || uri.getQuery() != null
                    || uri.getFragment() != null) {
                  throw new ConfigException(
                      setting.name(), "expected an http(s)://host[:port] URL, got: " + raw);
                }
                return uri;
              } catch (URISyntaxException e) {
                throw new ConfigException(setting.name(), "not a URL: " + raw, e);
              }
            });
  }

  Optional<String> secret(Setting setting) {
    Optional<String> value = optional(setting);
    if (value.isPresent() && value.get().length() < MIN_SECRET_LENGTH) {
      throw new ConfigException(
          setting.name(), "must be at least " + MIN_SECRET_LENGTH + " characters long");
    }
    return value;
  }

  List<String> origins(Setting setting) {
    String value = optional(setting).orElse("*");
    if (value.equals("*")) {
      return List.of("*");
    }
    List<String> origins = Arrays.stream(value.split(",")).map(String::trim).toList();
    for (String origin : origins) {
      if (!ORIGIN.matcher(origin).matches()) {
        throw new ConfigException(
            setting.name(), "expected * or scheme://host[:port],...; bad origin: " + origin);
      }
    }
    return origins;
  }

  ProcessingGuarantee guarantee(Setting setting) {
    String value = optional(setting).orElse("exactly_once_v2");
    return Arrays.stream(ProcessingGuarantee.values())
        .filter(g -> g.streamsValue().equals(value.toLowerCase(Locale.ROOT)))
        .findFirst()
        .orElseThrow(
            () ->
                new ConfigException(
                    setting.name(), "must be exactly_once_v2 or at_least_once: " + value));
  }

  /**
   * A positive ISO-8601 duration, or {@code forever} for {@link IndexerSettings#FOREVER}; the
   * default when absent.
   */
  Duration positiveDuration(Setting setting, Duration defaultValue) {
    Optional<String> raw = optional(setting);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    if (raw.get().equalsIgnoreCase("forever")) {
      return IndexerSettings.FOREVER;
    }
    try {
      Duration value = Duration.parse(raw.get());
      if (value.isNegative() || value.isZero()) {
        throw new ConfigException(setting.name(), "must be a positive duration: " + raw.get());
      }
      return value;
    } catch (DateTimeParseException e) {
      throw new ConfigException(
          setting.name(),
          "not an ISO-8601 duration such as P7D or PT12H, nor forever: " + raw.get(),
          e);
    }
  }
}
