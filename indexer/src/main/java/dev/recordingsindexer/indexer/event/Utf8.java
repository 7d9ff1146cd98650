package dev.recordingsindexer.indexer.event;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

/**
 * Strict UTF-8 validation (RFC 3629). Jackson's reader, which never decodes the strings it skips
 * and accepts overlong forms, encoded surrogates and code points above U+10FFFF in those it reads,
 * is not one; the contract says a value is UTF-8. Thread-safe; allocates a small buffer per call,
 * none for ASCII.
 */
final class Utf8 {

  private static final int CHUNK = 4096;

  private Utf8() {}

  /** The offset of the first byte that is not well-formed UTF-8; empty when all are. */
  static OptionalInt firstMalformed(byte[] bytes) {
    int start = 0;
    while (start < bytes.length && bytes[start] >= 0) {
      start++;
    }
    if (start == bytes.length) {
      return OptionalInt.empty();
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(CHUNK);
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isError()) {
        return OptionalInt.of(in.position());
      }
      if (result.isUnderflow()) {
        return decoder.flush(out).isError() ? OptionalInt.of(in.position()) : OptionalInt.empty();
      }
      out.clear();
    }
  }
}
