package dev.recordingsindexer.indexer.topology;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A dead-letter record's key, value and headers, cut to fit the largest record the indexer may
 * write. A record that fits is passed through unchanged, as the contract requires. A larger one
 * (possible only when the input topic takes larger records than the dead-letter topic) would fail
 * its write, and under exactly-once abort the transaction again on every retry; instead it keeps
 * the first bytes of its key (at most {@value #MAX_KEY_BYTES}) and value, keeps the original
 * headers only while they take at most a quarter of the room, always keeps the indexer's own
 * headers (the stack trace excepted) and gains {@value DeadLetterHeaders#TRUNCATED} saying what was
 * cut. Thread-safe (no state).
 *
 * @param key the key to write, or null
 * @param value the value to write, or null
 * @param headers the headers to write
 */
record FittedDeadLetter(byte[] key, byte[] value, Headers headers) {

  static final int MAX_KEY_BYTES = 64 * 1024;

  /** Per header, besides its key and value: attribute, lengths (varints). */
  private static final int HEADER_OVERHEAD = 10;

  FittedDeadLetter {
    Objects.requireNonNull(headers, "headers");
  }

  /**
   * {@code key}, {@code value} and {@code original} headers with {@code ours} appended, cut to at
   * most {@code maxBytes} in all when larger.
   */
  static FittedDeadLetter fit(
      byte[] key, byte[] value, Headers original, Headers ours, int maxBytes) {
    Header[] originals = original == null ? new Header[0] : original.toArray();
    long size = length(key) + length(value) + headersSize(originals) + headersSize(ours.toArray());
    if (size <= maxBytes) {
      RecordHeaders all = new RecordHeaders(originals);
      ours.forEach(all::add);
      return new FittedDeadLetter(key, value, all);
    }
    Header[] kept =
        Arrays.stream(ours.toArray())
            .filter(h -> !h.key().equals(DeadLetterHeaders.STACKTRACE))
            .toArray(Header[]::new);
    long room = maxBytes - headersSize(kept) - 1024L;
    boolean keepOriginals = headersSize(originals) <= room / 4;
    RecordHeaders headers = new RecordHeaders(keepOriginals ? originals : new Header[0]);
    room -= keepOriginals ? headersSize(originals) : 0;
    byte[] cutKey = cut(key, Math.min(MAX_KEY_BYTES, room));
    room -= length(cutKey);
    byte[] cutValue = cut(value, Math.max(0, room));
    for (Header header : kept) {
      headers.add(header);
    }
    String what =
        String.format(
            "%d bytes do not fit in %d: key %d -> %d bytes, value %d -> %d bytes, %d original"
                + " headers (%d bytes) %s%s",
            size,
            maxBytes,
            length(key),
            length(cutKey),
            length(value),
            length(cutValue),
            originals.length,
            headersSize(originals),
            keepOriginals ? "kept" : "dropped",
            kept.length < ours.toArray().length ? ", stack trace dropped" : "");
    headers.add(DeadLetterHeaders.TRUNCATED, what.getBytes(StandardCharsets.UTF_8));
    return new FittedDeadLetter(cutKey, cutValue, headers);
  }

  private static byte[] cut(byte[] bytes, long max) {
    return bytes == null || bytes.length <= max ? bytes : Arrays.copyOf(bytes, (int) max);
  }

  private static long length(byte[] bytes) {
    return bytes == null ? 0 : bytes.length;
  }

  private static long headersSize(Header[] headers) {
    long size = 0;
    for (Header header : headers) {
      size += header.key().getBytes(StandardCharsets.UTF_8).length;
      size += length(header.value()) + HEADER_OVERHEAD;
    }
    return size;
  }
}
