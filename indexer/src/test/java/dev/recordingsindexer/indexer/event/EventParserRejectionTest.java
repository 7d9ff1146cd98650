package dev.recordingsindexer.indexer.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.recordingsindexer.indexer.testing.ContractVectors;
import dev.recordingsindexer.indexer.testing.RawRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The refusing side of the parser: each way a value breaks the contract gives an {@link
 * ParseResult.Invalid} whose reason names the field and the rule, and nothing ever throws.
 */
class EventParserRejectionTest {

  private final EventParser parser = new EventParser();

  static Stream<Arguments> malformedValues() {
    return Stream.of(
        reject("no value at all", null, "value: is null"),
        reject("an empty value", new byte[0], "value: is empty"),
        reject("text that is not JSON", utf8("not json"), "value: is not valid JSON"),
        reject(
            "truncated JSON", utf8("{\"event_type\": \"recording-st"), "value: is not valid JSON"),
        reject("a JSON array", utf8("[1,2]"), "value: is not a JSON object"),
        reject("a JSON string", utf8("\"recording-started\""), "value: is not a JSON object"),
        reject("a JSON number", utf8("42"), "value: is not a JSON object"),
        reject("the JSON literal null", utf8("null"), "value: is not a JSON object"),
        reject("invalid UTF-8 in a string", invalidUtf8(), "value: is not UTF-8 text (malformed"),
        reject(
            "an overlong UTF-8 form in a string",
            withBytes("track_name", (byte) 0xC0, (byte) 0xAF),
            "value: is not UTF-8 text (malformed"),
        reject(
            "a surrogate encoded in UTF-8",
            withBytes("track_name", (byte) 0xED, (byte) 0xA0, (byte) 0x80),
            "value: is not UTF-8 text (malformed"),
        reject(
            "a code point above U+10FFFF",
            withBytes("track_name", (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80),
            "value: is not UTF-8 text (malformed"),
        reject(
            "invalid UTF-8 in an unknown member",
            withBytes("note", (byte) 0xFF),
            "value: is not UTF-8 text (malformed"),
        reject(
            "a value larger than the document limit",
            EventJson.minimal()
                .withText("note", "x".repeat((int) EventParser.MAX_DOCUMENT_LENGTH))
                .bytes(),
            "value: exceeds a reading limit"),
        reject(
            "UTF-16 text",
            EventJson.minimal().text().getBytes(StandardCharsets.UTF_16BE),
            "value: is not UTF-8 text"),
        reject(
            "UTF-16 text with a byte order mark",
            EventJson.minimal().text().getBytes(StandardCharsets.UTF_16),
            "value: is not UTF-8 text"),
        reject(
            "nesting deeper than the limit",
            EventJson.minimal().with("deep", "[".repeat(5000) + "]".repeat(5000)).bytes(),
            "value: exceeds a reading limit"),
        reject(
            "a huge string",
            EventJson.minimal()
                .withText("track_name", "x".repeat(EventParser.MAX_STRING_LENGTH + 1))
                .bytes(),
            "value: exceeds a reading limit"),
        reject(
            "a huge number",
            EventJson.minimal().with("size", "9".repeat(1000)).bytes(),
            "value: exceeds a reading limit"),
        reject(
            "content after the object",
            utf8(EventJson.minimal().text() + " x"),
            "value: has content after the JSON object"),
        reject(
            "a second object after the first",
            utf8(EventJson.minimal().text() + EventJson.minimal().text()),
            "value: has content after the JSON object"),
        reject(
            "a duplicate known key",
            utf8(
                EventJson.minimal()
                    .text()
                    .replace("}", ", \"track_name\": \"a\", \"track_name\": \"b\"}")),
            "track_name: appears twice, and duplicate keys are ambiguous"),
        reject(
            "a duplicate key whose first value is null",
            utf8(EventJson.minimal().text().replace("{", "{\"size\": null, \"size\": 1, ")),
            "size: appears twice"),
        reject(
            "a duplicate unknown key",
            utf8(EventJson.minimal().text().replace("}", ", \"x\": 1, \"x\": 1}")),
            "x: appears twice"),
        reject(
            "a duplicate grouping member",
            EventJson.minimal()
                .with(
                    "grouping_sids",
                    "{\"room_sid\": \"RMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\","
                        + " \"room_sid\": \"RMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}")
                .bytes(),
            "grouping_sids.room_sid: appears twice"),
        missing("event_type"),
        missing("timestamp"),
        missing("account_sid"),
        missing("recording_sid"),
        reject(
            "a required member that is null",
            EventJson.minimal().with("timestamp", "null").bytes(),
            "timestamp: is required"),
        field("recording_sid", "\"RT123\"", "recording_sid: does not match ^RT[0-9a-fA-F]{32}$"),
        field(
            "recording_sid",
            "\"MT0123456789abcdef0123456789abcdef\"",
            "recording_sid: does not match ^RT[0-9a-fA-F]{32}$"),
        field(
            "recording_sid",
            "\"RT0123456789abcdef0123456789abcdeg\"",
            "recording_sid: does not match"),
        field(
            "account_sid",
            "\"ac11111111111111111111111111111111\"",
            "account_sid: does not match ^AC[0-9a-fA-F]{32}$"),
        field(
            "source_sid",
            "\"M1dddddddddddddddddddddddddddddddd\"",
            "source_sid: does not match ^[a-zA-Z]{2}[0-9a-fA-F]{32}$"),
        field(
            "source_sid", "\"MTdddddddddddddddddddddddddddddddd \"", "source_sid: does not match"),
        field(
            "grouping_sids",
            "{\"room_sid\": \"RM1\"}",
            "grouping_sids.room_sid: does not match ^[a-zA-Z]{2}[0-9a-fA-F]{32}$"),
        field("grouping_sids", "{\"room_sid\": 5}", "grouping_sids.room_sid: must be a string"),
        field(
            "grouping_sids",
            "[\"RMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"]",
            "grouping_sids: must be an object of SID strings"),
        field(
            "grouping_sids",
            "\"RMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"",
            "grouping_sids: must be an object of SID strings"),
        field(
            "event_type", "\"recording-exploded\"", "event_type: is not one of recording-started"),
        field("event_type", "\"Recording-Started\"", "event_type: is not one of"),
        field("event_type", "1", "event_type: must be a string"),
        field("type", "\"hologram\"", "type: is not one of audio, video, data"),
        field("type", "\"Audio\"", "type: is not one of audio, video, data"),
        field("container_format", "\"MKA\"", "container_format: is not one of mka, mkv"),
        field("codec", "\"AV1\"", "codec: is not one of VP8, H264, OPUS, PCMU"),
        field(
            "status_callback_method", "\"get\"", "status_callback_method: is not one of GET, POST"),
        field(
            "status_callback_method", "\"PUT\"", "status_callback_method: is not one of GET, POST"),
        field("size", "1.5", "size: must be an integer, not a fraction"),
        field("size", "\"12\"", "size: must be an integer"),
        field("size", "-1", "size: must be an integer >= 0"),
        field("size", "true", "size: must be an integer"),
        field("size", "9223372036854775808", "size: does not fit a 64-bit integer"),
        field("size", "1e999999999", "size: does not fit a 64-bit integer"),
        field("size", "1e-999999999", "size: must be an integer, not a fraction"),
        field("duration", "-5", "duration: must be an integer >= 0"),
        field("sequence_number", "0.5", "sequence_number: must be an integer"),
        field("sequence_number", "-1", "sequence_number: must be an integer >= 0"),
        field("offset", "1.25", "offset: must be an integer, not a fraction"),
        field("offset", "-9223372036854775809", "offset: does not fit a 64-bit integer"),
        field("timestamp", "\"yesterday\"", "timestamp: is not an RFC 3339 date-time"),
        field("timestamp", "\"2026-01-01T10:00:00\"", "timestamp: is not an RFC 3339 date-time"),
        field("timestamp", "\"2026-01-01\"", "timestamp: is not an RFC 3339 date-time"),
        field("timestamp", "\"2026-01-01 10:00:00Z\"", "timestamp: is not an RFC 3339 date-time"),
        field("timestamp", "\"2026-02-30T10:00:00Z\"", "timestamp: is not an RFC 3339 date-time"),
        field("timestamp", "\"2026-01-01T24:00:00Z\"", "timestamp: is not an RFC 3339 date-time"),
        field("timestamp", "\"2026-01-01T10:00:60Z\"", "timestamp: is not an RFC 3339 date-time"),
        field("timestamp", "\"2026-01-01T10:00:00.Z\"", "timestamp: is not an RFC 3339 date-time"),
        field(
            "timestamp", "\"2026-01-01T10:00:00+0100\"", "timestamp: is not an RFC 3339 date-time"),
        field(
            "timestamp",
            "\"2026-01-01T10:00:00+24:00\"",
            "timestamp: is not an RFC 3339 date-time"),
        field(
            "timestamp", "\"2026-01-01T10:00:00Zjunk\"", "timestamp: is not an RFC 3339 date-time"),
        field("timestamp", "1767261600", "timestamp: must be a string"),
        field(
            "timestamp",
            "\"2026-01-01T10:00:00.1234567891Z\"",
            "timestamp: is not an RFC 3339 date-time"),
        field(
            "date_created",
            "\"2026-01-01T10:00:00+18:01\"",
            "date_created: is not an RFC 3339 date-time"),
        field(
            "date_created",
            "\"9999-12-31T23:00:00-18:00\"",
            "date_created: is not an RFC 3339 date-time"),
        field(
            "timestamp",
            "\"0000-01-01T00:00:00+01:00\"",
            "timestamp: is not an RFC 3339 date-time"),
        field("codec", "\"opu\u017f\"", "codec: is not one of VP8, H264, OPUS, PCMU"),
        field(
            "date_created",
            "\"2026-13-01T10:00:00Z\"",
            "date_created: is not an RFC 3339 date-time"),
        field("track_name", "5", "track_name: must be a string"),
        field("encryption_key", "{}", "encryption_key: must be a string"),
        field(
            "media_external_location",
            "\"/relative/path\"",
            "media_external_location: is not an absolute URI"),
        field("status_callback", "\"http://exa mple.com\"", "status_callback: is not a URI"));
  }

  @ParameterizedTest(name = "should reject {0}")
  @MethodSource("malformedValues")
  void shouldRejectWithAReasonNamingTheFieldAndTheRule(
      String description, byte[] value, String reasonStart) {
    ParseResult result = parser.parse(value);

    assertThat(result).isInstanceOf(ParseResult.Invalid.class);
    assertThat(((ParseResult.Invalid) result).reason())
        .startsWith(reasonStart)
        .doesNotContain("\n");
  }

  @Test
  void shouldRejectEveryMalformedRecordOfTheContractVectors() {
    List<RawRecord> malformed =
        ContractVectors.load().stream()
            .filter(scenario -> scenario.name().equals("malformed"))
            .findFirst()
            .orElseThrow()
            .records();

    assertThat(malformed).hasSize(7);
    assertThat(malformed)
        .allSatisfy(
            record ->
                assertThat(parser.parse(utf8(record.value())))
                    .as(record.value())
                    .isInstanceOf(ParseResult.Invalid.class));
  }

  @Test
  void shouldNameTheRuleEachContractMalformedRecordBreaks() {
    List<String> reasons =
        ContractVectors.load().stream()
            .filter(scenario -> scenario.name().equals("malformed"))
            .flatMap(scenario -> scenario.records().stream())
            .map(record -> ((ParseResult.Invalid) parser.parse(utf8(record.value()))).reason())
            .toList();

    assertThat(reasons)
        .satisfiesExactly(
            reason -> assertThat(reason).startsWith("value: is not valid JSON"),
            reason -> assertThat(reason).isEqualTo("value: is not a JSON object"),
            reason -> assertThat(reason).isEqualTo("recording_sid: is required"),
            reason ->
                assertThat(reason).isEqualTo("recording_sid: does not match ^RT[0-9a-fA-F]{32}$"),
            reason -> assertThat(reason).startsWith("event_type: is not one of"),
            reason -> assertThat(reason).startsWith("timestamp: is not an RFC 3339 date-time"),
            reason -> assertThat(reason).isEqualTo("type: is not one of audio, video, data"));
  }

  @Test
  void shouldNeverThrowWhateverTheBytes() {
    Random random = new Random(20260101);
    byte[] valid =
        EventJson.minimal()
            .with("grouping_sids", "{\"room_sid\": \"RMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}")
            .with("size", "12")
            .withText("status_callback", "https://example.com/cb")
            .bytes();
    for (int attempt = 0; attempt < 20_000; attempt++) {
      byte[] value;
      if (attempt % 3 == 0) {
        value = new byte[random.nextInt(64)];
        random.nextBytes(value);
      } else {
        value = valid.clone();
        for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
          value[random.nextInt(value.length)] = (byte) random.nextInt(256);
        }
      }

      ParseResult result = parser.parse(value);

      assertThat(result).isNotNull();
      if (result instanceof ParseResult.Invalid invalid) {
        assertThat(invalid.reason()).contains(": ").doesNotContain("\n");
      }
    }
  }

  private static Arguments reject(String description, byte[] value, String reasonStart) {
    return arguments(description, value, reasonStart);
  }

  private static Arguments missing(String name) {
    return reject(
        "a missing " + name, EventJson.minimal().without(name).bytes(), name + ": is required");
  }

  private static Arguments field(String name, String rawJson, String reasonStart) {
    return reject(
        name + " " + rawJson, EventJson.minimal().with(name, rawJson).bytes(), reasonStart);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** A minimal event with a string member {@code name} holding {@code raw} bytes as they are. */
  private static byte[] withBytes(String name, byte... raw) {
    byte[] prefix = utf8(EventJson.minimal().text().replace("}", ", \"" + name + "\": \"a"));
    byte[] suffix = utf8("b\"}");
    byte[] value = new byte[prefix.length + raw.length + suffix.length];
    System.arraycopy(prefix, 0, value, 0, prefix.length);
    System.arraycopy(raw, 0, value, prefix.length, raw.length);
    System.arraycopy(suffix, 0, value, prefix.length + raw.length, suffix.length);
    return value;
  }

  private static byte[] invalidUtf8() {
    byte[] prefix = utf8(EventJson.minimal().text().replace("}", ", \"track_name\": \""));
    byte[] value = new byte[prefix.length + 4];
    System.arraycopy(prefix, 0, value, 0, prefix.length);
    value[prefix.length] = (byte) 0xC3;
    value[prefix.length + 1] = (byte) 0x28;
    value[prefix.length + 2] = '"';
    value[prefix.length + 3] = '}';
    return value;
  }
}
