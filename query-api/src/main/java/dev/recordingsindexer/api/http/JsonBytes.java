package dev.recordingsindexer.api.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * A growable byte buffer that JSON is written into piece by piece, for the bodies written most
 * often (recordings and list pages). Strings come out byte for byte as Jackson's generator writes
 * them with its default features: printable ASCII other than {@code "} and {@code \} is copied; any
 * other string goes through Jackson's own {@link JsonStringEncoder}, which shares the generator's
 * escape table. Not thread-safe; one per body.
 */
final class JsonBytes {

  private static final byte[] NULL = {'n', 'u', 'l', 'l'};
  private static final String SHORT_ESCAPED = "\b\t\n\f\r";
  private static final String SHORT_ESCAPES = "btnfr";
  private static final String HEX = "0123456789ABCDEF";

  private byte[] bytes;
  private int size;

  JsonBytes(int initialCapacity) {
    this.bytes = new byte[initialCapacity];
  }

  /** Bytes already encoded as JSON: punctuation, pre-encoded field names. */
  JsonBytes raw(byte[] json) {
    ensure(json.length);
    System.arraycopy(json, 0, bytes, size, json.length);
    size += json.length;
    return this;
  }

  /** One ASCII punctuation character. */
  JsonBytes raw(char c) {
    ensure(1);
    bytes[size++] = (byte) c;
    return this;
  }

  /** A JSON string, or {@code null}. */
  JsonBytes string(String value) {
    if (value == null) {
      return raw(NULL);
    }
    return raw('"').content(value).raw('"');
  }

  /**
   * A string's content, escaped, without quotes: used to build one string from parts. Escapes as
   * Jackson's generator does: {@code "} and {@code \}, control characters (short forms for
   * backspace, tab, newline, form feed and carriage return, else backslash, {@code u00} and two
   * upper-case hex digits), and each UTF-16 surrogate, paired or not, as backslash, {@code u} and
   * four hex digits; every other character as UTF-8.
   */
  JsonBytes content(String value) {
    int length = value.length();
    ensure(length);
    byte[] out = bytes;
    int at = size;
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
        out[at++] = (byte) c;
      } else {
        size = at;
        escaped(c);
        ensure(length - i);
        out = bytes;
        at = size;
      }
    }
    size = at;
    return this;
  }

  private void escaped(char c) {
    ensure(6);
    if (c < 0x20) {
      int index = SHORT_ESCAPED.indexOf(c);
      if (index >= 0) {
        bytes[size++] = '\\';
        bytes[size++] = (byte) SHORT_ESCAPES.charAt(index);
      } else {
        unicodeEscape(c);
      }
    } else if (c == '"' || c == '\\') {
      bytes[size++] = '\\';
      bytes[size++] = (byte) c;
    } else if (c < 0x800) {
      bytes[size++] = (byte) (0xc0 | (c >> 6));
      bytes[size++] = (byte) (0x80 | (c & 0x3f));
    } else if (Character.isSurrogate(c)) {
      unicodeEscape(c);
    } else {
      bytes[size++] = (byte) (0xe0 | (c >> 12));
      bytes[size++] = (byte) (0x80 | ((c >> 6) & 0x3f));
      bytes[size++] = (byte) (0x80 | (c & 0x3f));
    }
  }

  private void unicodeEscape(char c) {
    bytes[size++] = '\\';
    bytes[size++] = 'u';
    for (int shift = 12; shift >= 0; shift -= 4) {
      bytes[size++] = (byte) HEX.charAt((c >> shift) & 0xf);
    }
  }

  /** A number, or {@code null}. */
  JsonBytes number(Long value) {
    return value == null ? raw(NULL) : number(value.longValue());
  }

  /** A number. */
  JsonBytes number(long value) {
    return raw(Long.toString(value).getBytes(StandardCharsets.US_ASCII));
  }

  /** An instant as Twilio writes dates ({@link TwilioDates}), quoted, or {@code null}. */
  JsonBytes date(Instant value) {
    if (value == null) {
      return raw(NULL);
    }
    raw('"');
    ensure(TwilioDates.LENGTH);
    int written = TwilioDates.write(value, bytes, size);
    if (written < 0) {
      content(TwilioDates.format(value));
    } else {
      size += written;
    }
    return raw('"');
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(size + more, bytes.length * 2));
    }
  }
}
