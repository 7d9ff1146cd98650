package dev.recordingsindexer.indexer.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;

/**
 * The value rules of the event schema, each reading the parser's current token and naming the field
 * in what it throws. Stateless.
 *
 * <p>Integers follow JSON Schema's {@code integer}: a number with no fractional part, so {@code 2},
 * {@code 2.0} and {@code 2e0} are the same integer while {@code 1.5} and {@code "12"} are not.
 */
final class FieldRules {

  static final String RECORDING_SID = "^RT[0-9a-fA-F]{32}$";
  static final String ACCOUNT_SID = "^AC[0-9a-fA-F]{32}$";
  static final String ANY_SID = "^[a-zA-Z]{2}[0-9a-fA-F]{32}$";

  private static final int MAX_LONG_DIGITS = 19;

  private FieldRules() {}

  static String string(JsonParser parser, String field) throws IOException, InvalidEventException {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw new InvalidEventException(field, "must be a string");
    }
    return parser.getText();
  }

  /** A SID: two letters ({@code prefix}, or any two ASCII letters when null) and 32 hex digits. */
  static String sid(JsonParser parser, String field, String prefix, String pattern)
      throws IOException, InvalidEventException {
    String value = string(parser, field);
    if (!isSid(value, prefix)) {
      throw new InvalidEventException(field, "does not match " + pattern);
    }
    return value;
  }

  static boolean isSid(String value, String prefix) {
    if (value.length() != 34) {
      return false;
    }
    if (prefix == null
        ? !isLetter(value.charAt(0)) || !isLetter(value.charAt(1))
        : !value.startsWith(prefix)) {
      return false;
    }
    for (int i = 2; i < 34; i++) {
      if (!isHexDigit(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static Instant dateTime(JsonParser parser, String field)
      throws IOException, InvalidEventException {
    Instant instant = Rfc3339.parse(string(parser, field));
    if (instant == null) {
      throw new InvalidEventException(
          field, "is not an RFC 3339 date-time with Z or an offset, like 2026-01-01T10:00:00Z");
    }
    return instant;
  }

  static String absoluteUri(JsonParser parser, String field)
      throws IOException, InvalidEventException {
    String value = string(parser, field);
    if (PlainHttpUrl.matches(value)) {
      return value;
    }
    try {
      if (new URI(value).isAbsolute()) {
        return value;
      }
    } catch (URISyntaxException e) {
      throw new InvalidEventException(field, "is not a URI (" + e.getReason() + ")");
    }
    throw new InvalidEventException(field, "is not an absolute URI (it has no scheme)");
  }

  static long nonNegativeInteger(JsonParser parser, String field)
      throws IOException, InvalidEventException {
    long value = integer(parser, field);
    if (value < 0) {
      throw new InvalidEventException(field, "must be an integer >= 0");
    }
    return value;
  }

  /** A JSON integer that fits a signed 64-bit long. */
  static long integer(JsonParser parser, String field) throws IOException, InvalidEventException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT) {
      if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
        throw new InvalidEventException(field, "does not fit a 64-bit integer");
      }
      return parser.getLongValue();
    }
    if (token != JsonToken.VALUE_NUMBER_FLOAT) {
      throw new InvalidEventException(field, "must be an integer");
    }
    BigDecimal decimal;
    try {
      decimal = parser.getDecimalValue();
    } catch (NumberFormatException e) {
      // An exponent beyond an int (1e99999999999) is beyond BigDecimal, let alone a long.
      throw new InvalidEventException(field, "must be an integer that fits 64 bits");
    }
    // Checked through scale and precision before any conversion: 1e999999999 must not allocate.
    decimal = decimal.stripTrailingZeros();
    if (decimal.scale() > 0) {
      throw new InvalidEventException(field, "must be an integer, not a fraction");
    }
    if (decimal.precision() - decimal.scale() > MAX_LONG_DIGITS) {
      throw new InvalidEventException(field, "does not fit a 64-bit integer");
    }
    try {
      return decimal.longValueExact();
    } catch (ArithmeticException e) {
      throw new InvalidEventException(field, "does not fit a 64-bit integer");
    }
  }

  private static boolean isHexDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
