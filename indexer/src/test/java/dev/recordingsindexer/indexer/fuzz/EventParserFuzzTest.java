package dev.recordingsindexer.indexer.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.recordingsindexer.indexer.event.EventParser;
import dev.recordingsindexer.indexer.event.ParseResult;
import dev.recordingsindexer.indexer.event.RecordingEvent;
import dev.recordingsindexer.schemas.EventSchema;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes {@link EventParser#parse}: whatever the bytes, it returns a result (never throws), an
 * invalid result names a reason, a valid event survives being written back and read again, and the
 * parser agrees with the event's JSON Schema, which the contract makes the judge of what goes to
 * the dead-letter topic.
 *
 * <p>Without {@code JAZZER_FUZZ} each test replays the inputs saved under {@code
 * EventParserFuzzTestInputs/<method>/} in the test resources (hand-written seeds plus the corpus of
 * earlier fuzzing runs). With {@code JAZZER_FUZZ=1} one test fuzzes, see the README.
 */
class EventParserFuzzTest {

  /** The parser's catch-all for an exception it did not expect: reaching it is a bug. */
  private static final String UNEXPECTED = "value: could not be read";

  /** The parser's deliberate bounds, stricter than the schema: not a disagreement. */
  private static final String READING_LIMIT = "value: exceeds a reading limit";

  private static final Instant FIRST = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");

  /**
   * Reads JSON as the schema sees it: one value, nothing after it, and numbers exactly (a double
   * would turn {@code 1.00000000000000000001} into an integer). Duplicate keys fail here, since the
   * schema cannot see them while the parser must refuse them as ambiguous.
   */
  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .build();

  private final EventParser parser = new EventParser();

  @FuzzTest(maxDuration = "5m")
  @DictionaryEntries({
    "\"event_type\"",
    "\"recording-started\"",
    "\"recording-deleted\"",
    "\"timestamp\"",
    "\"2026-01-01T10:00:00.123+01:00\"",
    "\"account_sid\"",
    "\"AC11111111111111111111111111111111\"",
    "\"recording_sid\"",
    "\"RT0123456789abcdefABCDEF0123456789\"",
    "\"grouping_sids\"",
    "\"room_sid\"",
    "\"codec\"",
    "\"opus\"",
    "\"size\"",
    "\"offset\"",
    "\"status_callback\"",
    "\"https://example.com/x\"",
    "\"date_created\"",
    "\\u0000",
    "\\ud800",
    "1e999",
    "null"
  })
  void shouldReturnAValidEventOrAReasonForAnyBytes(byte[] value) {
    ParseResult result = parser.parse(value);

    assertThat(result).isNotNull();
    if (result instanceof ParseResult.Invalid invalid) {
      assertThat(invalid.reason()).isNotBlank().doesNotStartWith(UNEXPECTED).contains(": ");
    } else {
      RecordingEvent event = ((ParseResult.Valid) result).event();
      assertThat(event.accountSid()).matches("^AC[0-9a-fA-F]{32}$");
      assertThat(event.recordingSid()).matches("^RT[0-9a-fA-F]{32}$");
      assertThat(event.timestamp()).isBetween(FIRST, LAST);
      assertThat(event.sequenceNumber()).isGreaterThanOrEqualTo(RecordingEvent.NO_SEQUENCE);
      assertThat(parser.parse(EventJsonWriter.write(event)))
          .as("the event written back and read again")
          .isEqualTo(result);
    }
  }

  @FuzzTest(maxDuration = "5m")
  void shouldAcceptExactlyWhatTheEventSchemaAccepts(byte[] value) {
    ParseResult result = parser.parse(value);

    assertThat(result).isNotNull();
    if (result instanceof ParseResult.Invalid invalid) {
      assertThat(invalid.reason()).doesNotStartWith(UNEXPECTED);
      if (invalid.reason().startsWith(READING_LIMIT)) {
        return;
      }
    }
    if (startsWithByteOrderMark(value)) {
      return; // RFC 8259 lets a reader ignore it or not; the schema has no say
    }
    JsonNode tree = strictTree(value);
    if (tree != null && hasDateOutsideRenderableYears(tree)) {
      return;
    }
    List<String> violations = tree == null ? List.of("not one JSON value") : schema(tree);

    assertThat(result instanceof ParseResult.Valid)
        .as("parser says %s; schema says %s", result, violations)
        .isEqualTo(violations.isEmpty());
  }

  @Test
  void shouldNameTheFieldWhenAnExponentIsBeyondAnyNumber() {
    byte[] value =
        ("{\"event_type\": \"recording-started\", \"timestamp\": \"2026-01-01T10:00:00Z\","
                + " \"account_sid\": \"AC11111111111111111111111111111111\","
                + " \"recording_sid\": \"RT0123456789abcdefABCDEF0123456789\","
                + " \"offset\": 1e99999999999}")
            .getBytes(StandardCharsets.UTF_8);

    assertThat(parser.parse(value))
        .isEqualTo(new ParseResult.Invalid("offset: must be an integer that fits 64 bits"));
  }

  /** The value as one JSON tree, or null when it is not strictly one UTF-8 JSON value. */
  private static JsonNode strictTree(byte[] value) {
    String text = utf8(value);
    if (text == null) {
      return null;
    }
    try {
      return STRICT.readTree(text);
    } catch (IOException e) {
      return null;
    }
  }

  private static List<String> schema(JsonNode tree) {
    return EventSchema.validate(tree);
  }

  private static boolean startsWithByteOrderMark(byte[] value) {
    return value.length >= 3
        && value[0] == (byte) 0xEF
        && value[1] == (byte) 0xBB
        && value[2] == (byte) 0xBF;
  }

  /** The text, when the bytes are strictly UTF-8 (no malformed sequence, no encoded surrogate). */
  private static String utf8(byte[] value) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(value))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /**
   * Whether a date member, valid by the schema's pattern, denotes an instant outside the years 0000
   * to 9999 in UTC ({@code 0000-01-01T00:30:00+01:00}): the parser refuses those on purpose (see
   * {@code Rfc3339}), so that every date the API renders has four digits again.
   */
  private static boolean hasDateOutsideRenderableYears(JsonNode tree) {
    for (String field : List.of("timestamp", "date_created")) {
      JsonNode date = tree.path(field);
      if (date.isTextual()) {
        try {
          Instant instant =
              OffsetDateTime.parse(date.asText().toUpperCase(Locale.ROOT)).toInstant();
          if (instant.isBefore(FIRST) || instant.isAfter(LAST)) {
            return true;
          }
        } catch (DateTimeParseException e) {
          // not a date the schema accepts either
        }
      }
    }
    return false;
  }
}
