package dev.recordingsindexer.schemas;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import java.util.List;
import java.util.Objects;

/**
 * Validates recording lifecycle events against {@code recording-event.schema.json}, the JSON Schema
 * of one record value on the recording-events topic.
 *
 * <p>The schema is compiled once, when the class is first used. All methods are thread-safe and
 * never throw for any input: every problem is a violation, a message that starts with the JSON path
 * of the offending field (e.g. {@code $.timestamp: does not match the date-time pattern ...}).
 */
public final class EventSchema {

  /** The classpath location of the schema, for tools that want the document itself. */
  public static final String RESOURCE = "recording-event.schema.json";

  private static final JsonNode DOCUMENT = ClasspathResources.json(RESOURCE);
  private static final JsonSchema SCHEMA =
      SchemaCompiler.compile(DOCUMENT.get("$id").asText(), DOCUMENT);

  private EventSchema() {}

  /** The schema document, as a tree; a copy, so callers may modify it. */
  public static JsonNode document() {
    return DOCUMENT.deepCopy();
  }

  /**
   * Validates one event value; an empty list means the event is valid.
   *
   * @param event the parsed record value; a non-object (array, string, null node) is a violation
   * @return the violations, sorted; never null
   */
  public static List<String> validate(JsonNode event) {
    Objects.requireNonNull(event, "event");
    return SchemaCompiler.violations(SCHEMA, event);
  }

  /**
   * Parses and validates one event value given as JSON text, as it arrives on the topic.
   *
   * @return a single {@code $: not JSON ...} violation when the text does not parse as exactly one
   *     JSON value, otherwise the schema's violations; never null
   */
  public static List<String> validate(String json) {
    Objects.requireNonNull(json, "json");
    JsonNode event;
    try {
      event = ClasspathResources.jsonMapper().readTree(json);
    } catch (JsonProcessingException e) {
      return List.of("$: not JSON: " + e.getOriginalMessage());
    }
    if (event == null || event.isMissingNode()) {
      return List.of("$: not JSON: empty input");
    }
    return validate(event);
  }
}
