package dev.recordingsindexer.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rewrites an OpenAPI 3.0 Schema Object, in place, into plain JSON Schema 2020-12.
 *
 * <p>OpenAPI 3.0 is a dialect: {@code nullable: true} widens {@code type} (and {@code enum}) to
 * admit null, {@code $ref}s point into {@code #/components/schemas}, and formats such as {@code
 * int64} carry meaning a JSON Schema validator does not know. This class makes those rules
 * explicit: nullable becomes a type array (and null joins an enum), {@code $ref}s are redirected to
 * {@code #/$defs}, {@code int64} becomes a range, Twilio's {@code uri-map} becomes an object of
 * absolute URIs, other non-standard formats and {@code x-} extensions are dropped (their rules, if
 * any, are already expressed by other keywords). Stateless.
 */
final class OpenApi30Converter {

  private static final String COMPONENTS_PREFIX = "#/components/schemas/";
  private static final String DEFS_PREFIX = "#/$defs/";
  private static final List<String> ASSERTED_FORMATS = List.of("date-time", "uri");

  private OpenApi30Converter() {}

  /** Converts {@code schema} and every schema nested in it; returns it for chaining. */
  static ObjectNode convert(ObjectNode schema) {
    stripExtensions(schema);
    redirectRef(schema);
    convertFormat(schema);
    convertNullable(schema);
    convertChildren(schema);
    return schema;
  }

  private static void stripExtensions(ObjectNode schema) {
    List<String> extensions = new ArrayList<>();
    schema
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (name.startsWith("x-") || name.equals("example")) {
                extensions.add(name);
              }
            });
    schema.remove(extensions);
  }

  private static void redirectRef(ObjectNode schema) {
    JsonNode ref = schema.get("$ref");
    if (ref != null && ref.asText().startsWith(COMPONENTS_PREFIX)) {
      schema.put("$ref", DEFS_PREFIX + ref.asText().substring(COMPONENTS_PREFIX.length()));
    }
  }

  private static void convertFormat(ObjectNode schema) {
    String format = schema.path("format").asText(null);
    if (format == null || ASSERTED_FORMATS.contains(format)) {
      return;
    }
    schema.remove("format");
    switch (format) {
      case "int64" -> {
        schema.put("minimum", Long.MIN_VALUE);
        schema.put("maximum", Long.MAX_VALUE);
      }
      case "int32" -> {
        schema.put("minimum", Integer.MIN_VALUE);
        schema.put("maximum", Integer.MAX_VALUE);
      }
      case "uri-map" ->
          schema.putObject("additionalProperties").put("type", "string").put("format", "uri");
      default -> {
        // Twilio-specific formats (http-method, subscribe-rule, ...) add nothing checkable.
      }
    }
  }

  private static void convertNullable(ObjectNode schema) {
    JsonNode nullable = schema.remove("nullable");
    if (nullable == null || !nullable.asBoolean()) {
      return;
    }
    JsonNode type = schema.get("type");
    if (type != null && type.isTextual()) {
      schema.putArray("type").add(type.asText()).add("null");
    }
    if (schema.get("enum") instanceof ArrayNode values && !containsNull(values)) {
      values.addNull();
    }
    if (schema.has("$ref")) {
      ObjectNode target = JsonNodeFactory.instance.objectNode().set("$ref", schema.remove("$ref"));
      schema
          .putArray("anyOf")
          .add(JsonNodeFactory.instance.objectNode().put("type", "null"))
          .add(target);
    }
  }

  private static boolean containsNull(ArrayNode values) {
    for (JsonNode value : values) {
      if (value.isNull()) {
        return true;
      }
    }
    return false;
  }

  private static void convertChildren(ObjectNode schema) {
    if (schema.get("properties") instanceof ObjectNode properties) {
      for (Map.Entry<String, JsonNode> property : properties.properties()) {
        convertIfSchema(property.getValue());
      }
    }
    convertIfSchema(schema.get("items"));
    convertIfSchema(schema.get("additionalProperties"));
    convertIfSchema(schema.get("not"));
    for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
      if (schema.get(combinator) instanceof ArrayNode branches) {
        branches.forEach(OpenApi30Converter::convertIfSchema);
      }
    }
  }

  private static void convertIfSchema(JsonNode node) {
    if (node instanceof ObjectNode child) {
      convert(child);
    }
  }
}
