package dev.recordingsindexer.indexer.event;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds event JSON for parser tests: starts from a minimal valid event and sets, replaces or
 * removes members given as raw JSON text, so each test states only what it is about.
 */
final class EventJson {

  static final String ACCOUNT = "AC11111111111111111111111111111111";
  static final String RECORDING = "RT0123456789abcdefABCDEF0123456789";

  private final Map<String, String> members = new LinkedHashMap<>();

  private EventJson() {}

  /** The minimal valid event: the four required members only. */
  static EventJson minimal() {
    return new EventJson()
        .with("event_type", "\"recording-started\"")
        .with("timestamp", "\"2026-01-01T10:00:00Z\"")
        .with("account_sid", "\"" + ACCOUNT + "\"")
        .with("recording_sid", "\"" + RECORDING + "\"");
  }

  /** Sets a member to raw JSON text, replacing it in place if present. */
  EventJson with(String name, String rawJson) {
    members.put(name, rawJson);
    return this;
  }

  /** Sets a member to a JSON string. */
  EventJson withText(String name, String text) {
    return with(name, "\"" + text + "\"");
  }

  EventJson without(String name) {
    members.remove(name);
    return this;
  }

  String text() {
    return members.entrySet().stream()
        .map(member -> "\"" + member.getKey() + "\": " + member.getValue())
        .collect(Collectors.joining(", ", "{", "}"));
  }

  byte[] bytes() {
    return text().getBytes(StandardCharsets.UTF_8);
  }
}
