package dev.recordingsindexer.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenApiSpecTest {

  private static final JsonNode SPEC = OpenApiSpec.load();

  @Test
  void shouldParseAsOpenApi303() {
    assertThat(SPEC.get("openapi").asText()).isEqualTo("3.0.3");
    assertThat(SPEC.at("/info/title").asText()).isNotBlank();
  }

  @Test
  void shouldDeclareEveryPathWithItsMethods() {
    assertThat(names(SPEC.get("paths")))
        .containsExactlyInAnyOrder(
            "/v1/Recordings", "/v1/Recordings/{Sid}", "/healthz", "/readyz", "/metrics");
    assertThat(names(SPEC.at("/paths/~1v1~1Recordings"))).contains("get", "options");
    assertThat(names(SPEC.at("/paths/~1v1~1Recordings~1{Sid}"))).contains("get", "options");
    for (String ops : List.of("/healthz", "/readyz", "/metrics")) {
      assertThat(SPEC.at("/paths/~1" + ops.substring(1) + "/get/responses/200").isObject())
          .as(ops)
          .isTrue();
    }
  }

  @Test
  void shouldDeclareTwilioQueryParametersWithTheirExactNames() {
    List<String> names = new ArrayList<>();
    for (JsonNode parameter : SPEC.at("/paths/~1v1~1Recordings/get/parameters")) {
      names.add(resolve(parameter).get("name").asText());
    }

    assertThat(names)
        .containsExactly(
            "Status",
            "SourceSid",
            "GroupingSid",
            "DateCreatedAfter",
            "DateCreatedBefore",
            "MediaType",
            "PageSize",
            "Page",
            "PageToken");
    JsonNode groupingSid = SPEC.at("/components/parameters/GroupingSid");
    assertThat(groupingSid.at("/schema/type").asText()).isEqualTo("array");
    assertThat(groupingSid.get("explode").asBoolean()).isTrue();
  }

  @Test
  void shouldSecureTheApiWithHttpBasic() {
    assertThat(SPEC.at("/components/securitySchemes/accountSid_authToken/scheme").asText())
        .isEqualTo("basic");
    assertThat(SPEC.at("/security/0").has("accountSid_authToken")).isTrue();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "BadRequest, 20001, 400, ''",
    "Unauthorized, 20003, 401, WWW-Authenticate",
    "NotFound, 20404, 404, ''",
    "MethodNotAllowed, 20004, 405, ''",
    "TooManyRequests, 20429, 429, Retry-After",
    "Unavailable, 20503, 503, Retry-After"
  })
  void shouldDeclareEachErrorInTwilioShape(String response, int code, int status, String header) {
    JsonNode declared = SPEC.at("/components/responses/" + response);
    JsonNode example = declared.at("/content/application~1json/example");

    assertThat(declared.at("/content/application~1json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/Error");
    assertThat(example.get("code").asInt()).isEqualTo(code);
    assertThat(example.get("status").asInt()).isEqualTo(status);
    assertThat(example.get("more_info").asText()).startsWith("https://www.twilio.com/docs/errors/");
    if (!header.isEmpty()) {
      assertThat(declared.at("/headers").has(header)).isTrue();
    }
  }

  @Test
  void shouldDeclareEveryPropertyOfTwilioRecordingAndTheSevenMetaKeys() {
    Set<String> twilio = names(TwilioSchemas.document().at("/$defs/video.v1.recording/properties"));
    JsonNode recording = SPEC.at("/components/schemas/Recording");

    assertThat(names(recording.get("properties"))).containsAll(twilio);
    assertThat(texts(recording.get("required"))).containsAll(twilio);
    assertThat(texts(SPEC.at("/components/schemas/ListMeta/required")))
        .containsExactlyInAnyOrder(
            "key",
            "page",
            "page_size",
            "url",
            "first_page_url",
            "next_page_url",
            "previous_page_url");
  }

  @Test
  void shouldDescribeResponsesThatTheTwilioValidatorAlsoAccepts() {
    ObjectNode defs = ((ObjectNode) SPEC.at("/components/schemas")).deepCopy();
    defs.properties().forEach(def -> OpenApi30Converter.convert((ObjectNode) def.getValue()));
    ObjectNode document = JsonNodeFactory.instance.objectNode();
    document.set("$defs", defs);
    JsonSchema ours =
        SchemaCompiler.compile(
            "urn:recordings-indexer:test:openapi",
            document.put("$ref", "#/$defs/ListRecordingResponse"));
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    Vectors.expectedRecordings().forEach(body.putArray("recordings")::add);
    body.putObject("meta")
        .put("key", "recordings")
        .put("page", 0)
        .put("page_size", 50)
        .put("url", "http://localhost:8080/v1/Recordings?PageSize=50&Page=0")
        .put("first_page_url", "http://localhost:8080/v1/Recordings?PageSize=50&Page=0")
        .putNull("next_page_url")
        .putNull("previous_page_url");

    assertThat(SchemaCompiler.violations(ours, body)).isEmpty();
    assertThat(TwilioSchemas.validateListResponse(body)).isEmpty();
    ((ObjectNode) body.get("recordings").get(0)).put("codec", "opus");
    assertThat(SchemaCompiler.violations(ours, body)).isNotEmpty();
  }

  @Test
  void shouldResolveEveryReferenceInsideTheDocument() {
    List<String> refs = new ArrayList<>();
    collectRefs(SPEC, refs);

    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      assertThat(ref).startsWith("#/");
      assertThat(SPEC.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
    }
  }

  private static JsonNode resolve(JsonNode node) {
    return node.has("$ref") ? SPEC.at(node.get("$ref").asText().substring(1)) : node;
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.has("$ref")) {
      refs.add(node.get("$ref").asText());
    }
    node.forEach(child -> collectRefs(child, refs));
  }

  private static Set<String> names(JsonNode object) {
    Set<String> names = new TreeSet<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }
}
