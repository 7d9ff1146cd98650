package dev.recordingsindexer.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Builds, from Twilio's unmodified OpenAPI file, one JSON Schema 2020-12 document whose {@code
 * $defs} hold Twilio's component schemas plus {@code ListRecordingResponse}, with the contract's
 * fixes and presence rules applied.
 *
 * <p>Fixes (the contract's copy of Twilio's schema): {@code grouping_sids} gets {@code "type":
 * "object"}, and {@code type}, {@code codec}, {@code container_format} become nullable, because a
 * recording whose events never carried them answers null. Presence rules (Twilio does not mark them
 * required, but its Java client or the contract needs them): every property of the recording and
 * every one of the seven {@code meta} keys is present (null where empty), {@code links.media} is
 * present, {@code meta.key} is {@code "recordings"}, and the recording also carries {@code
 * date_updated}, {@code date_deleted} and {@code encryption_key}, with dates at whole seconds in
 * UTC as Twilio writes them; {@code account_sid}, {@code sid}, {@code date_created}, {@code
 * date_updated}, {@code url} and {@code links} are never null, as every recording has them. Each
 * call builds a fresh tree.
 */
final class TwilioSchemaDocument {

  static final String RESOURCE = "twilio/twilio_video_v1.json";
  static final String RECORDING = "video.v1.recording";
  static final String LIST_RESPONSE = "ListRecordingResponse";

  private static final String TWILIO_DATE =
      "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$";
  private static final List<String> NEVER_NULL =
      List.of("account_sid", "sid", "date_created", "date_updated", "url", "links");
  private static final List<String> META_KEYS =
      List.of(
          "key",
          "page",
          "page_size",
          "url",
          "first_page_url",
          "next_page_url",
          "previous_page_url");

  private TwilioSchemaDocument() {}

  /**
   * The whole document: {@code $defs} only; validate through {@link #rootFor(ObjectNode, String)}.
   */
  static ObjectNode build() {
    JsonNode openApi = ClasspathResources.json(RESOURCE);
    ObjectNode defs = ((ObjectNode) openApi.at("/components/schemas")).deepCopy();
    defs.set(LIST_RESPONSE, listResponse(openApi).deepCopy());
    ObjectNode recording = (ObjectNode) defs.get(RECORDING);
    applyContractFixes((ObjectNode) recording.get("properties"));
    defs.properties().forEach(def -> OpenApi30Converter.convert((ObjectNode) def.getValue()));
    addRecordingPresenceRules(recording);
    addListPresenceRules((ObjectNode) defs.get(LIST_RESPONSE));
    ObjectNode document = defs.objectNode();
    document.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    document.set("$defs", defs);
    return document;
  }

  /** A copy of {@code document} whose root validates against the definition {@code name}. */
  static ObjectNode rootFor(ObjectNode document, String name) {
    if (!document.path("$defs").has(name)) {
      throw new IllegalArgumentException("no definition named " + name);
    }
    return document.deepCopy().put("$ref", "#/$defs/" + name);
  }

  private static JsonNode listResponse(JsonNode openApi) {
    JsonNode schema =
        openApi
            .path("paths")
            .path("/v1/Recordings")
            .path("get")
            .path("responses")
            .path("200")
            .path("content")
            .path("application/json")
            .path("schema");
    if (!LIST_RESPONSE.equals(schema.path("title").asText())) {
      throw new IllegalStateException(
          RESOURCE + " has no " + LIST_RESPONSE + " under GET /v1/Recordings");
    }
    return schema;
  }

  private static void applyContractFixes(ObjectNode properties) {
    ((ObjectNode) properties.get("grouping_sids")).put("type", "object");
    for (String name : List.of("type", "codec", "container_format")) {
      ((ObjectNode) properties.get(name)).put("nullable", true);
    }
  }

  private static void addRecordingPresenceRules(ObjectNode recording) {
    ObjectNode properties = (ObjectNode) recording.get("properties");
    for (String date : List.of("date_created", "date_updated", "date_deleted")) {
      ObjectNode schema =
          properties.has(date) ? (ObjectNode) properties.get(date) : properties.putObject(date);
      schema.put("format", "date-time").put("pattern", TWILIO_DATE);
      schema.putArray("type").add("string").add("null");
    }
    properties.putObject("encryption_key").putArray("type").add("string").add("null");
    for (String name : NEVER_NULL) {
      rejectNull((ObjectNode) properties.get(name));
    }
    ((ObjectNode) properties.get("links")).putArray("required").add("media");
    ArrayNode required = recording.putArray("required");
    properties.fieldNames().forEachRemaining(required::add);
  }

  /** Undoes {@code nullable}: the converter wrote the type as {@code [declared, "null"]}. */
  private static void rejectNull(ObjectNode schema) {
    JsonNode type = schema.get("type");
    if (type != null && type.isArray()) {
      schema.put("type", type.get(0).asText());
    }
  }

  private static void addListPresenceRules(ObjectNode listResponse) {
    listResponse.putArray("required").add("recordings").add("meta");
    ObjectNode meta = (ObjectNode) listResponse.at("/properties/meta");
    ArrayNode required = meta.putArray("required");
    META_KEYS.forEach(required::add);
    ((ObjectNode) meta.at("/properties/key")).put("const", "recordings");
    ((ObjectNode) meta.at("/properties/page")).put("minimum", 0);
    ((ObjectNode) meta.at("/properties/page_size")).put("minimum", 1).put("maximum", 100);
  }
}
