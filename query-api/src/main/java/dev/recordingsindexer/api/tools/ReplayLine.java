package dev.recordingsindexer.api.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;

/**
 * One line of a replay file, as the record to write. A line is either an envelope {@code {"key":
 * ..., "value": ...}} whose value is an event object (written as compact JSON), a JSON string
 * (written as its exact text) or null (a tombstone, which needs a key); or a bare event object,
 * written as the line's text and keyed by its {@code recording_sid}. Events are not validated here:
 * the indexer dead-letters invalid ones, as it would in production.
 *
 * @param key the record key, or null for none
 * @param value the record value as UTF-8 text, or null for a tombstone
 */
public record ReplayLine(String key, String value) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Why a line cannot be written; the message is for the user, without the line number. */
  public static final class RejectedLineException extends Exception {
    private static final long serialVersionUID = 1L;

    RejectedLineException(String message) {
      super(message);
    }
  }

  public ReplayLine {
    if (key == null && value == null) {
      throw new IllegalArgumentException("a tombstone needs a key");
    }
  }

  /**
   * Parses one non-blank line.
   *
   * @throws RejectedLineException when the line is not a JSON object of either form
   */
  public static ReplayLine parse(String line) throws RejectedLineException {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new RejectedLineException("not JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new RejectedLineException("not a JSON object");
    }
    if (node.has("value") && !node.has("event_type")) {
      return envelope(node);
    }
    JsonNode sid = node.get("recording_sid");
    return new ReplayLine(sid != null && sid.isTextual() ? sid.asText() : null, line.strip());
  }

  /** Whether this record erases its key's recording. */
  public boolean isTombstone() {
    return value == null;
  }

  private static ReplayLine envelope(JsonNode node) throws RejectedLineException {
    JsonNode keyNode = node.get("key");
    if (keyNode != null && !keyNode.isNull() && !keyNode.isTextual()) {
      throw new RejectedLineException("\"key\" must be a string or null");
    }
    String key = keyNode == null || keyNode.isNull() ? null : keyNode.asText();
    JsonNode valueNode = Objects.requireNonNull(node.get("value"));
    String value;
    if (valueNode.isNull()) {
      if (key == null) {
        throw new RejectedLineException("a tombstone (null value) needs a key");
      }
      value = null;
    } else if (valueNode.isTextual()) {
      value = valueNode.asText();
    } else if (valueNode.isObject()) {
      value = valueNode.toString();
    } else {
      throw new RejectedLineException("\"value\" must be an event object, a string or null");
    }
    return new ReplayLine(key, value);
  }
}
