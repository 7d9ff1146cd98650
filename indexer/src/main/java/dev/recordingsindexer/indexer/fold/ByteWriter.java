package dev.recordingsindexer.indexer.fold;

import java.util.Arrays;

/**
 * A growable byte buffer with the few encodings the state codec needs: unsigned and zig-zag
 * variable-length integers and strings. Not thread-safe; one per encode.
 */
final class ByteWriter {

  static final int ASCII = 0;
  static final int UTF16 = 1;
  static final int PACKED_SID = 2;
  static final int SID_LENGTH = 34;

  private byte[] bytes;
  private int size;

  ByteWriter(int initialCapacity) {
    bytes = new byte[initialCapacity];
  }

  void writeByte(int value) {
    ensure(1);
    bytes[size++] = (byte) value;
  }

  /** Seven bits a byte, low bits first; the high bit says another byte follows. */
  void writeUnsigned(long value) {
    ensure(10);
    while ((value & ~0x7FL) != 0) {
      bytes[size++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    bytes[size++] = (byte) value;
  }

  /** A signed value, zig-zag mapped so that small magnitudes of either sign stay short. */
  void writeSigned(long value) {
    writeUnsigned((value << 1) ^ (value >> 63));
  }

  /**
   * A header {@code (chars << 2) | form}, then the chars: {@link #ASCII} one byte each, {@link
   * #UTF16} two bytes each (lossless for any Java string, lone surrogates included), or {@link
   * #PACKED_SID} for a 34-char SID in lower-case hex, two letters then 16 bytes of packed hex (19
   * bytes where ASCII takes 35).
   */
  void writeString(String value) {
    int length = value.length();
    if (isPackableSid(value)) {
      writeUnsigned(((long) length << 2) | PACKED_SID);
      ensure(18);
      bytes[size++] = (byte) value.charAt(0);
      bytes[size++] = (byte) value.charAt(1);
      for (int i = 2; i < length; i += 2) {
        bytes[size++] = (byte) ((hex(value.charAt(i)) << 4) | hex(value.charAt(i + 1)));
      }
      return;
    }
    boolean wide = false;
    for (int i = 0; i < length && !wide; i++) {
      wide = value.charAt(i) >= 0x80;
    }
    writeUnsigned(((long) length << 2) | (wide ? UTF16 : ASCII));
    ensure(wide ? 2 * length : length);
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (wide) {
        bytes[size++] = (byte) (c >>> 8);
      }
      bytes[size++] = (byte) c;
    }
  }

  private static boolean isPackableSid(String value) {
    if (value.length() != SID_LENGTH || !isLetter(value.charAt(0)) || !isLetter(value.charAt(1))) {
      return false;
    }
    for (int i = 2; i < SID_LENGTH; i++) {
      if (hex(value.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** The value of a lower-case hex digit, or -1 (upper case would not survive the round trip). */
  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
