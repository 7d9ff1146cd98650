package dev.recordingsindexer.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.Locale;

/**
 * Compiles JSON Schema 2020-12 documents and reports violations as sorted, readable strings.
 *
 * <p>Formats ({@code date-time}, {@code uri}) are asserted, not merely annotated, so a bad date or
 * a relative URL is a violation. Each message starts with the JSON path of the offending value
 * (e.g. {@code $.recording_sid: ...}), so a caller can tell which field failed. Compiled schemas
 * have all their validators, including {@code $ref} targets, initialized eagerly and are then safe
 * to share between threads.
 */
final class SchemaCompiler {

  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder()
          .formatAssertionsEnabled(true)
          .pathType(PathType.JSON_PATH)
          .locale(Locale.ROOT)
          .build();

  private SchemaCompiler() {}

  /**
   * Compiles {@code schema}; its local {@code $ref}s must resolve inside the document itself.
   *
   * @param id an absolute URI naming the document, unique per document: the factory caches
   *     documents by location, so two documents under one name would resolve each other's refs
   */
  static JsonSchema compile(String id, JsonNode schema) {
    JsonSchema compiled = FACTORY.getSchema(SchemaLocation.of(id), schema, CONFIG);
    compiled.initializeValidators();
    return compiled;
  }

  /** Validates {@code instance}; an empty list means it is valid. Never null. */
  static List<String> violations(JsonSchema schema, JsonNode instance) {
    return schema.validate(instance).stream().map(ValidationMessage::getMessage).sorted().toList();
  }
}
