package dev.recordingsindexer.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class OpenApi30ConverterTest {

  @Test
  void shouldTurnNullableIntoATypeArray() {
    JsonNode converted = convert("{\"type\": \"string\", \"nullable\": true}");

    assertThat(converted).isEqualTo(Vectors.parse("{\"type\": [\"string\", \"null\"]}"));
  }

  @Test
  void shouldLeaveANonNullableTypeAlone() {
    JsonNode converted = convert("{\"type\": \"string\", \"nullable\": false}");

    assertThat(converted).isEqualTo(Vectors.parse("{\"type\": \"string\"}"));
  }

  @Test
  void shouldAddNullToANullableEnum() {
    JsonNode converted = convert("{\"type\": \"string\", \"enum\": [\"a\"], \"nullable\": true}");

    assertThat(converted.get("enum")).isEqualTo(Vectors.parse("[\"a\", null]"));
  }

  @Test
  void shouldWrapANullableReferenceInAnyOf() {
    JsonNode converted = convert("{\"$ref\": \"#/components/schemas/codec\", \"nullable\": true}");

    assertThat(converted)
        .isEqualTo(
            Vectors.parse("{\"anyOf\": [{\"type\": \"null\"}, {\"$ref\": \"#/$defs/codec\"}]}"));
  }

  @Test
  void shouldRedirectNestedReferencesToDefs() {
    JsonNode converted =
        convert(
            "{\"type\": \"object\", \"properties\": {\"r\": {\"type\": \"array\","
                + " \"items\": {\"$ref\": \"#/components/schemas/rec\"}}}}");

    assertThat(converted.at("/properties/r/items/$ref").asText()).isEqualTo("#/$defs/rec");
  }

  @Test
  void shouldExpressInt64AsARange() {
    JsonNode converted = convert("{\"type\": \"integer\", \"format\": \"int64\"}");

    assertThat(converted.has("format")).isFalse();
    assertThat(converted.get("maximum").asLong()).isEqualTo(Long.MAX_VALUE);
    assertThat(converted.get("minimum").asLong()).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void shouldExpressAUriMapAsAnObjectOfUris() {
    JsonNode converted = convert("{\"type\": \"object\", \"format\": \"uri-map\"}");

    assertThat(converted.get("additionalProperties"))
        .isEqualTo(Vectors.parse("{\"type\": \"string\", \"format\": \"uri\"}"));
  }

  @Test
  void shouldKeepAssertedFormatsAndDropExtensionsAndUnknownFormats() {
    JsonNode converted =
        convert(
            "{\"type\": \"object\", \"properties\": {"
                + "\"d\": {\"type\": \"string\", \"format\": \"date-time\"},"
                + "\"m\": {\"type\": \"string\", \"format\": \"http-method\", \"x-twilio\": {}}}}");

    assertThat(converted.at("/properties/d/format").asText()).isEqualTo("date-time");
    assertThat(converted.at("/properties/m")).isEqualTo(Vectors.parse("{\"type\": \"string\"}"));
  }

  private static JsonNode convert(String openApiSchema) {
    return OpenApi30Converter.convert((ObjectNode) Vectors.parse(openApiSchema));
  }
}
