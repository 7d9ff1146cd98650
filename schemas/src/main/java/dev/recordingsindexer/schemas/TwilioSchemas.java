package dev.recordingsindexer.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import java.util.List;
import java.util.Objects;

/**
 * Validates API responses against Twilio's own schemas: {@code video.v1.recording} and the list
 * response {@code ListRecordingResponse}, taken from Twilio's OpenAPI file (MIT licence, copied
 * unchanged to {@code twilio/}) with the contract's fixes.
 *
 * <p>Strict where Twilio is (enums, patterns, {@code date-time} and absolute {@code uri} formats,
 * {@code additionalProperties} as declared, OpenAPI {@code nullable}) and where the contract adds
 * presence rules; see {@link TwilioSchemaDocument} for the exact list. Schemas are compiled once;
 * all methods are thread-safe. Each violation starts with the JSON path of the offending value.
 */
public final class TwilioSchemas {

  private static final ObjectNode DOCUMENT = TwilioSchemaDocument.build();
  private static final JsonSchema RECORDING = compile(TwilioSchemaDocument.RECORDING);
  private static final JsonSchema LIST_RESPONSE = compile(TwilioSchemaDocument.LIST_RESPONSE);

  private TwilioSchemas() {}

  /** Validates a {@code GET /v1/Recordings} body; an empty list means it is valid. Never null. */
  public static List<String> validateListResponse(JsonNode body) {
    Objects.requireNonNull(body, "body");
    return SchemaCompiler.violations(LIST_RESPONSE, body);
  }

  /** Validates one recording, as fetched or listed; an empty list means it is valid. Never null. */
  public static List<String> validateRecording(JsonNode recording) {
    Objects.requireNonNull(recording, "recording");
    return SchemaCompiler.violations(RECORDING, recording);
  }

  private static JsonSchema compile(String definition) {
    return SchemaCompiler.compile(
        "urn:recordings-indexer:twilio:" + definition,
        TwilioSchemaDocument.rootFor(DOCUMENT, definition));
  }

  /** The JSON Schema document the validators use (all definitions, fixes applied); a copy. */
  public static JsonNode document() {
    return DOCUMENT.deepCopy();
  }
}
