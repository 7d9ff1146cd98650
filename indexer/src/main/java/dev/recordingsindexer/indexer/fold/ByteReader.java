package dev.recordingsindexer.indexer.fold;

import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link ByteWriter} wrote, checking every bound: any malformed or truncated input ends
 * in an {@link IllegalArgumentException}, never an index error or a huge allocation. Not
 * thread-safe; one per decode.
 */
final class ByteReader {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final byte[] bytes;
  private int position;

  ByteReader(byte[] bytes) {
    this.bytes = bytes;
  }

  int readByte() {
    if (position >= bytes.length) {
      throw new IllegalArgumentException("truncated at byte " + position);
    }
    return bytes[position++] & 0xFF;
  }

  long readUnsigned() {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int next = readByte();
      value |= (long) (next & 0x7F) << shift;
      if ((next & 0x80) == 0) {
        return value;
      }
    }
    throw new IllegalArgumentException("variable-length integer too long at byte " + position);
  }

  long readSigned() {
    long zigZag = readUnsigned();
    return (zigZag >>> 1) ^ -(zigZag & 1);
  }

  /** An unsigned value that must be below {@code bound}, such as a count or an index. */
  int readBounded(int bound, String what) {
    long value = readUnsigned();
    if (value < 0 || value >= bound) {
      throw new IllegalArgumentException(what + " out of range: " + value);
    }
    return (int) value;
  }

  String readString() {
    long header = readUnsigned();
    int form = (int) (header & 3);
    long length = header >>> 2;
    int remaining = bytes.length - position;
    if (form == ByteWriter.PACKED_SID) {
      return readPackedSid(length);
    }
    if (form > ByteWriter.UTF16) {
      throw new IllegalArgumentException("unknown string form " + form + " at byte " + position);
    }
    boolean wide = form == ByteWriter.UTF16;
    if (length > remaining || (wide && 2 * length > remaining)) {
      throw new IllegalArgumentException("string longer than the input at byte " + position);
    }
    int start = position;
    position += (int) (wide ? 2 * length : length);
    if (!wide) {
      for (int i = start; i < position; i++) {
        if (bytes[i] < 0) {
          throw new IllegalArgumentException("non-ASCII byte in a narrow string at byte " + i);
        }
      }
      return new String(bytes, start, (int) length, StandardCharsets.ISO_8859_1);
    }
    char[] chars = new char[(int) length];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = (char) (((bytes[start + 2 * i] & 0xFF) << 8) | (bytes[start + 2 * i + 1] & 0xFF));
    }
    return new String(chars);
  }

  private String readPackedSid(long length) {
    if (length != ByteWriter.SID_LENGTH) {
      throw new IllegalArgumentException("packed SID of length " + length);
    }
    char[] chars = new char[ByteWriter.SID_LENGTH];
    chars[0] = letter(readByte());
    chars[1] = letter(readByte());
    for (int i = 2; i < chars.length; i += 2) {
      int packed = readByte();
      chars[i] = HEX[packed >>> 4];
      chars[i + 1] = HEX[packed & 0xF];
    }
    return new String(chars);
  }

  private static char letter(int value) {
    if ((value < 'a' || value > 'z') && (value < 'A' || value > 'Z')) {
      throw new IllegalArgumentException("packed SID starts with a non-letter " + value);
    }
    return (char) value;
  }

  void requireEnd() {
    if (position != bytes.length) {
      throw new IllegalArgumentException((bytes.length - position) + " bytes after the state");
    }
  }
}
