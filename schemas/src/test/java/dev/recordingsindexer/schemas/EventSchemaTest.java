package dev.recordingsindexer.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventSchemaTest {

  private static final String FULL_EVENT =
      """
      {"event_type": "recording-completed", "timestamp": "2026-01-01T10:05:00.250Z",
       "sequence_number": 3,
       "account_sid": "AC11111111111111111111111111111111",
       "recording_sid": "RT00000000000000000000000000000001",
       "source_sid": "MTdddddddddddddddddddddddddddddddd",
       "grouping_sids": {"room_sid": "RMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                         "participant_sid": "PAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"},
       "track_name": "mic", "type": "audio", "codec": "OPUS", "container_format": "mka",
       "size": 4096, "duration": 300, "offset": -12,
       "media_external_location": "https://bucket.s3.amazonaws.com/my/path/",
       "status_callback": "https://example.com/callback", "status_callback_method": "POST",
       "encryption_key": "PKxxx", "date_created": "2026-01-01T09:59:59+01:00"}
      """;

  @Test
  void shouldAcceptTheFullEvent() {
    assertThat(EventSchema.validate(FULL_EVENT)).isEmpty();
  }

  @Test
  void shouldAcceptEveryRecordValueOfTheContractVectors() {
    List<String> values = Vectors.validValues();

    assertThat(values).hasSizeGreaterThan(20);
    for (String value : values) {
      assertThat(EventSchema.validate(value)).as(value).isEmpty();
      assertThat(EventSchema.validate(Vectors.parse(value))).as(value).isEmpty();
    }
  }

  @Test
  void shouldRejectEveryMalformedRecordOfTheContractVectorsNamingTheField() {
    List<String> malformed = Vectors.malformedValues();
    List<String> expectedMentions =
        List.of(
            "not JSON",
            "$: array found",
            "recording_sid",
            "$.recording_sid",
            "$.event_type",
            "$.timestamp",
            "$.type");

    assertThat(malformed).hasSameSizeAs(expectedMentions);
    for (int i = 0; i < malformed.size(); i++) {
      String mention = expectedMentions.get(i);
      assertThat(EventSchema.validate(malformed.get(i)))
          .as(malformed.get(i))
          .anySatisfy(violation -> assertThat(violation).contains(mention));
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"event_type", "timestamp", "account_sid", "recording_sid"})
  void shouldRejectAnEventWithoutARequiredField(String field) {
    ObjectNode event = fullEvent();
    event.remove(field);

    assertThat(EventSchema.validate(event))
        .singleElement()
        .asString()
        .contains("required property '" + field + "'");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"event_type", "timestamp", "account_sid", "recording_sid"})
  void shouldRejectNullInARequiredField(String field) {
    ObjectNode event = fullEvent();
    event.putNull(field);

    assertThat(EventSchema.validate(event)).isNotEmpty().allMatch(v -> v.startsWith("$." + field));
  }

  static Stream<Arguments> invalidValues() {
    return Stream.of(
        arguments("event_type", "\"recording-exploded\"", "unknown event type"),
        arguments("event_type", "\"RECORDING-STARTED\"", "event type in the wrong case"),
        arguments("timestamp", "\"yesterday\"", "not a date"),
        arguments("timestamp", "\"2026-01-01T10:00:00\"", "no zone"),
        arguments("timestamp", "\"2026-01-01 10:00:00Z\"", "space instead of T"),
        arguments("timestamp", "\"2026-01-01\"", "bare date"),
        arguments("timestamp", "\"2026-02-30T10:00:00Z\"", "impossible day"),
        arguments("timestamp", "\"2026-01-01T24:00:00Z\"", "hour 24"),
        arguments("timestamp", "\"2026-01-01T10:00:00.1234567891Z\"", "ten-digit fraction"),
        arguments("timestamp", "\"2026-01-01T10:00:00+1900\"", "offset without colon"),
        arguments("timestamp", "\"2026-01-01T10:00:00+19:00\"", "offset beyond 18 hours"),
        arguments("timestamp", "1767261600000", "epoch millis"),
        arguments("account_sid", "\"AC123\"", "short account SID"),
        arguments("account_sid", "\"RT11111111111111111111111111111111\"", "wrong prefix"),
        arguments("account_sid", "\"AC1111111111111111111111111111111g\"", "non-hex digit"),
        arguments("recording_sid", "\"RT123\"", "short recording SID"),
        arguments("recording_sid", "\"AC00000000000000000000000000000001\"", "wrong prefix"),
        arguments("recording_sid", "\"RT000000000000000000000000000000001\"", "33 digits"),
        arguments("source_sid", "\"M1dddddddddddddddddddddddddddddddd\"", "digit in prefix"),
        arguments("source_sid", "\"MTddd\"", "short source SID"),
        arguments("grouping_sids", "\"RMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"", "string, not object"),
        arguments("grouping_sids", "[\"RMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"]", "array"),
        arguments("grouping_sids", "{\"room_sid\": \"RM123\"}", "member not a SID"),
        arguments("grouping_sids", "{\"room_sid\": 5}", "member not a string"),
        arguments("grouping_sids", "{\"room_sid\": {\"sid\": \"x\"}}", "member an object"),
        arguments("track_name", "5", "number"),
        arguments("type", "\"hologram\"", "unknown media type"),
        arguments("type", "\"AUDIO\"", "media type in the wrong case"),
        arguments("codec", "\"VP9\"", "unknown codec"),
        arguments("codec", "\"opus \"", "trailing space"),
        arguments("codec", "8", "number"),
        arguments("container_format", "\"mp4\"", "unknown container"),
        arguments("container_format", "\"MKA\"", "container in the wrong case"),
        arguments("size", "-1", "negative size"),
        arguments("size", "1.5", "fractional size"),
        arguments("size", "\"10\"", "size as a string"),
        arguments("size", "9223372036854775808", "size beyond int64"),
        arguments("duration", "-1", "negative duration"),
        arguments("sequence_number", "-1", "negative sequence number"),
        arguments("offset", "0.5", "fractional offset"),
        arguments("offset", "\"12\"", "offset as a string"),
        arguments("media_external_location", "\"not a uri\"", "not a URI"),
        arguments("media_external_location", "\"/relative/path\"", "relative URI"),
        arguments("status_callback", "\"example.com/callback\"", "no scheme"),
        arguments("status_callback", "\"https://exa mple.com/\"", "space in URI"),
        arguments("status_callback_method", "\"PUT\"", "unknown method"),
        arguments("status_callback_method", "\"post\"", "method in the wrong case"),
        arguments("encryption_key", "true", "boolean"),
        arguments("date_created", "\"yesterday\"", "not a date"),
        arguments("date_created", "\"2026-01-01\"", "bare date"));
  }

  @ParameterizedTest(name = "{0} = {1} ({2})")
  @MethodSource("invalidValues")
  void shouldRejectAnInvalidFieldNamingIt(String field, String badJson, String why) {
    ObjectNode event = fullEvent();
    event.set(field, Vectors.parse(badJson));

    assertThat(EventSchema.validate(event))
        .as(why)
        .isNotEmpty()
        .allMatch(violation -> violation.startsWith("$." + field), "names $." + field);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "sequence_number",
        "source_sid",
        "grouping_sids",
        "track_name",
        "type",
        "codec",
        "container_format",
        "size",
        "duration",
        "offset",
        "media_external_location",
        "status_callback",
        "status_callback_method",
        "encryption_key",
        "date_created"
      })
  void shouldAcceptNullInAnOptionalField(String field) {
    ObjectNode event = fullEvent();
    event.putNull(field);

    assertThat(EventSchema.validate(event)).isEmpty();
  }

  static Stream<Arguments> validEdgeCases() {
    return Stream.of(
        arguments("codec", "\"opus\""),
        arguments("codec", "\"Vp8\""),
        arguments("codec", "\"h264\""),
        arguments("codec", "\"pcmu\""),
        arguments("timestamp", "\"2026-01-01T10:00:00Z\""),
        arguments("timestamp", "\"2026-01-01T10:00:00.123456789Z\""),
        arguments("timestamp", "\"2026-01-01T10:00:00.1+05:30\""),
        arguments("timestamp", "\"2026-01-01T10:00:00-08:00\""),
        arguments("timestamp", "\"2026-01-01T10:00:00+18:00\""),
        arguments("timestamp", "\"2024-02-29T23:59:59.999Z\""),
        arguments("timestamp", "\"2026-01-01t10:00:00z\""),
        arguments("date_created", "\"2026-01-01T09:59:59.900+01:00\""),
        arguments("grouping_sids", "{}"),
        arguments("grouping_sids", "{\"room_sid\": null}"),
        arguments("grouping_sids", "{\"composition_sid\": \"CJcccccccccccccccccccccccccccccccc\"}"),
        arguments("size", "0"),
        arguments("size", "1.0"),
        arguments("duration", "1e3"),
        arguments("size", "9223372036854775807"),
        arguments("offset", "-9223372036854775808"),
        arguments("status_callback", "\"urn:isbn:0451450523\""),
        arguments("track_name", "\"\""),
        arguments("colour", "\"blue\""),
        arguments("future_field", "{\"nested\": [1, {\"deep\": null}]}"));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("validEdgeCases")
  void shouldAcceptAnEdgeCase(String field, String json) {
    ObjectNode event = fullEvent();
    event.set(field, Vectors.parse(json));

    assertThat(EventSchema.validate(event)).isEmpty();
  }

  @Test
  void shouldAcceptAMinimalEvent() {
    JsonNode minimal =
        Vectors.parse(
            """
            {"event_type": "recording-deleted", "timestamp": "2026-01-01T10:00:00Z",
             "account_sid": "AC11111111111111111111111111111111",
             "recording_sid": "RT00000000000000000000000000000001"}
            """);

    assertThat(EventSchema.validate(minimal)).isEmpty();
  }

  @ParameterizedTest(name = "[{index}] <{0}>")
  @ValueSource(strings = {"", "   ", "{", "{} {}", "{\"event_type\": }", "null", "\"text\"", "42"})
  void shouldRejectTextThatIsNotOneJsonObject(String text) {
    assertThat(EventSchema.validate(text))
        .isNotEmpty()
        .allMatch(violation -> violation.startsWith("$"));
  }

  @Test
  void shouldExposeTheSchemaDocumentAsDraft202012() {
    assertThat(EventSchema.document().get("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
  }

  private static ObjectNode fullEvent() {
    return (ObjectNode) Vectors.parse(FULL_EVENT);
  }
}
