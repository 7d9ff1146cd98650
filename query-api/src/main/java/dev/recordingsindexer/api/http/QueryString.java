package dev.recordingsindexer.api.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request's query parameters decoded as {@code application/x-www-form-urlencoded} ({@code +} is a
 * space), keeping every value of every name in order. Names are case-sensitive.
 */
final class QueryString {

  private final Map<String, List<String>> values;

  private QueryString(Map<String, List<String>> values) {
    this.values = values;
  }

  /**
   * Parses a raw query string (null or empty for none).
   *
   * @throws ApiException 400 when a name or value has a malformed percent-escape
   */
  static QueryString parse(String raw) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return new QueryString(values);
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq), pair);
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1), name);
      values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return new QueryString(values);
  }

  /**
   * The last value given for {@code name} (a repeated single-valued parameter: the last counts).
   */
  String last(String name) {
    List<String> given = values.get(name);
    return given == null ? null : given.get(given.size() - 1);
  }

  /** Every value given for {@code name}, in order; empty when none. */
  List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  private static String decode(String text, String parameter) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiException.badParameter(parameter, "malformed percent-encoding");
    }
  }
}
