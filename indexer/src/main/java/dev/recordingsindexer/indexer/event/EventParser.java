package dev.recordingsindexer.indexer.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.util.OptionalInt;

/**
 * The one place that turns a record value into a {@link RecordingEvent}, enforcing the event schema
 * ({@code schemas/recording-event.schema.json}).
 *
 * <p>Never throws for any input, including null, non-UTF-8 bytes and hostile JSON: every problem is
 * an {@link ParseResult.Invalid} whose reason names the field and the rule. The value must be
 * exactly one JSON object in well-formed UTF-8 ({@link Utf8}, unknown members included): nothing
 * but whitespace may follow it. Reading is bounded (nesting depth, number, string and document
 * length), so a hostile value costs little. Thread-safe: the streaming factory is shared, all parse
 * state is per call.
 */
public final class EventParser {

  /** Deep enough for any real event (unknown members may nest), shallow enough to be cheap. */
  static final int MAX_NESTING_DEPTH = 32;

  /** Digits in one number; a long has 19, the rest leaves room for {@code 1.000e3} spellings. */
  static final int MAX_NUMBER_LENGTH = 64;

  /** Characters in one string value: far above any SID, URI or key an event carries. */
  static final int MAX_STRING_LENGTH = 64 * 1024;

  /** Bytes in one value: Kafka's default maximum record size. */
  static final long MAX_DOCUMENT_LENGTH = 1024 * 1024;

  private static final int MAX_DETAIL_LENGTH = 200;

  private static final JsonFactory JSON =
      new JsonFactoryBuilder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_NESTING_DEPTH)
                  .maxNumberLength(MAX_NUMBER_LENGTH)
                  .maxStringLength(MAX_STRING_LENGTH)
                  .maxNameLength(1024)
                  .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                  .build())
          .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
          .build();

  public ParseResult parse(byte[] value) {
    if (value == null) {
      return new ParseResult.Invalid("value: is null, which is a tombstone, not an event");
    }
    try {
      return new ParseResult.Valid(read(value));
    } catch (InvalidEventException e) {
      return new ParseResult.Invalid(e.getMessage());
    } catch (StreamConstraintsException e) {
      return invalid("value: exceeds a reading limit (%s)", e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      return invalid("value: is not valid JSON (%s)", e.getOriginalMessage());
    } catch (IOException | RuntimeException e) {
      // Hostile bytes must never reach the stream thread as an exception: report what happened.
      return invalid("value: could not be read (%s)", e.toString());
    }
  }

  private static RecordingEvent read(byte[] value) throws IOException, InvalidEventException {
    if (value.length == 0) {
      throw new InvalidEventException("value", "is empty, not a JSON object");
    }
    if (value.length > MAX_DOCUMENT_LENGTH) {
      throw new InvalidEventException(
          "value",
          String.format(
              "exceeds a reading limit (%d bytes, above %d)", value.length, MAX_DOCUMENT_LENGTH));
    }
    if (!startsAsUtf8(value)) {
      throw new InvalidEventException("value", "is not UTF-8 text");
    }
    OptionalInt malformed = Utf8.firstMalformed(value);
    if (malformed.isPresent()) {
      throw new InvalidEventException(
          "value", "is not UTF-8 text (malformed at byte " + malformed.getAsInt() + ")");
    }
    try (JsonParser parser = JSON.createParser(value)) {
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw new InvalidEventException("value", "is not a JSON object");
      }
      RecordingEvent event = new EventReader(parser).read();
      requireEnd(parser);
      return event;
    }
  }

  private static void requireEnd(JsonParser parser) throws IOException, InvalidEventException {
    JsonToken next;
    try {
      next = parser.nextToken();
    } catch (JsonProcessingException e) {
      throw new InvalidEventException(
          "value", "has content after the JSON object (" + firstLine(e.getOriginalMessage()) + ")");
    }
    if (next != null) {
      throw new InvalidEventException("value", "has content after the JSON object");
    }
  }

  /**
   * Whether the value can be UTF-8 as far as encoding detection goes. Jackson would silently read
   * UTF-16 and UTF-32 (recognised by a byte order mark or zero bytes among the first four); JSON
   * text in UTF-8 never has a zero byte, so refusing them keeps the contract's UTF-8 rule.
   */
  private static boolean startsAsUtf8(byte[] value) {
    if (value.length >= 2
        && ((value[0] == (byte) 0xFE && value[1] == (byte) 0xFF)
            || (value[0] == (byte) 0xFF && value[1] == (byte) 0xFE))) {
      return false;
    }
    for (int i = 0; i < Math.min(4, value.length); i++) {
      if (value[i] == 0) {
        return false;
      }
    }
    return true;
  }

  private static ParseResult.Invalid invalid(String template, String detail) {
    return new ParseResult.Invalid(String.format(template, firstLine(detail)));
  }

  /** The detail's first line, bounded: it ends up in a record header. */
  private static String firstLine(String text) {
    if (text == null) {
      return "no detail";
    }
    int newline = text.indexOf('\n');
    String line = newline < 0 ? text : text.substring(0, newline);
    return line.length() <= MAX_DETAIL_LENGTH ? line : line.substring(0, MAX_DETAIL_LENGTH) + "...";
  }
}
