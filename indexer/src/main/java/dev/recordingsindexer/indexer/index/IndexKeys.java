package dev.recordingsindexer.indexer.index;

import dev.recordingsindexer.indexer.model.SortKey;
import dev.recordingsindexer.indexer.store.IndexKind;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * The byte layout of every key in the recordings store, chosen so that RocksDB's unsigned byte
 * order is the order queries need. Stateless and thread-safe.
 *
 * <p>Every key starts with one byte naming its kind; kinds never share a prefix. Text fields inside
 * a key are written as one length byte and their UTF-8 bytes, so a prefix for one value never
 * matches another value that merely starts with it.
 *
 * <ul>
 *   <li>recording: {@code 0x10 sid} (the value is the stored state)
 *   <li>index entry: {@code kind account [value] date sid'}, where {@code date} is the epoch second
 *       as 8 big-endian bytes with the sign bit flipped and every bit inverted (ascending bytes =
 *       newest first, dates before 1970 included), and {@code sid'} is the SID's bytes inverted and
 *       closed by {@code 0xFF} (ascending bytes = SID descending), which is exactly {@link
 *       SortKey#LIST_ORDER} within one prefix. The value is empty, except in the date index, where
 *       it is the recording's stored state (a copy of the recording key's value)
 *   <li>purge marker: {@code 0x30 sid} (the value is the purge time, 8 bytes)
 *   <li>marker expiry: {@code 0x31 time sid}, the time in epoch milliseconds ascending, so expiry
 *       scans stop at the first entry that is young enough
 * </ul>
 *
 * <p>Two kinds are the store's own bookkeeping, below every kind above so no scan meets them: the
 * recording count ({@code 0x01}, {@code store.RecordingCount}) and the committed changelog offsets
 * ({@code 0x02 topic partition}, {@code store.CommittedOffsets}), and the layout version ({@code
 * 0x03}, {@code store.StoreLayout}).
 *
 * <p>Index dates must be whole seconds and SIDs in sort keys must be ASCII without NUL (SIDs are
 * pattern-validated); anything else is an {@link IllegalArgumentException}, never a silently wrong
 * order.
 */
public final class IndexKeys {

  private static final byte RECORDING = 0x10;
  private static final byte DATE = 0x20;
  private static final byte GROUPING = 0x21;
  private static final byte SOURCE = 0x22;
  private static final byte STATUS = 0x23;
  private static final byte MEDIA_TYPE = 0x24;
  private static final byte MARKER = 0x30;
  private static final byte MARKER_EXPIRY = 0x31;
  private static final int TIME_BYTES = Long.BYTES;
  private static final byte SID_END = (byte) 0xFF;

  private IndexKeys() {}

  /** The key of a recording's stored state. */
  public static byte[] recording(String sid) {
    return tagged(RECORDING, utf8(sid));
  }

  /** The first byte of every recording key: scan from it to count or list recordings. */
  public static byte[] recordingPrefix() {
    return new byte[] {RECORDING};
  }

  /** The SID of a recording key. */
  public static String sidOfRecording(byte[] key) {
    return new String(key, 1, key.length - 1, StandardCharsets.UTF_8);
  }

  /**
   * The first key of every index entry's range; the range ends at {@link #indexEntriesEnd()}
   * (exclusive), so both bound one range delete of every index.
   */
  public static byte[] indexEntriesStart() {
    return new byte[] {DATE};
  }

  /** The first key after every index entry: the start of the purge markers. */
  public static byte[] indexEntriesEnd() {
    return new byte[] {MARKER};
  }

  /**
   * The prefix all entries of one index value share; {@code value} is null exactly for {@link
   * IndexKind#DATE}.
   */
  public static byte[] indexPrefix(IndexKind kind, String accountSid, String value) {
    Objects.requireNonNull(kind, "kind");
    if ((kind == IndexKind.DATE) != (value == null)) {
      throw new IllegalArgumentException("value must be null exactly for the DATE index: " + kind);
    }
    byte[] account = field(accountSid);
    byte[] extra = value == null ? new byte[0] : field(value);
    return ByteBuffer.allocate(1 + account.length + extra.length)
        .put(tagOf(kind))
        .put(account)
        .put(extra)
        .array();
  }

  /** One index entry: the prefix followed by the sort key. */
  public static byte[] indexEntry(byte[] prefix, SortKey key) {
    byte[] tail = sortKey(key);
    return ByteBuffer.allocate(prefix.length + tail.length).put(prefix).put(tail).array();
  }

  /** The bytes that order sort keys: date (newest first), then SID (descending). */
  public static byte[] sortKey(SortKey key) {
    Instant date = key.dateCreated();
    if (date.getNano() != 0) {
      throw new IllegalArgumentException("index dates are whole seconds: " + date);
    }
    String sid = key.sid();
    ByteBuffer out = ByteBuffer.allocate(TIME_BYTES + sid.length() + 1);
    out.putLong(~(date.getEpochSecond() ^ Long.MIN_VALUE));
    for (int i = 0; i < sid.length(); i++) {
      char c = sid.charAt(i);
      if (c == 0 || c > 0x7F) {
        throw new IllegalArgumentException("sort key SIDs are ASCII without NUL: " + sid);
      }
      out.put((byte) ~c);
    }
    return out.put(SID_END).array();
  }

  /** Reads the sort key of an index entry whose prefix is {@code prefixLength} bytes long. */
  public static SortKey sortKeyOf(byte[] entry, int prefixLength) {
    long seconds = ~ByteBuffer.wrap(entry, prefixLength, TIME_BYTES).getLong() ^ Long.MIN_VALUE;
    int sidStart = prefixLength + TIME_BYTES;
    int sidLength = entry.length - sidStart - 1;
    if (sidLength < 0 || entry[entry.length - 1] != SID_END) {
      throw new IllegalArgumentException("not an index entry: " + Arrays.toString(entry));
    }
    char[] sid = new char[sidLength];
    for (int i = 0; i < sidLength; i++) {
      sid[i] = (char) (~entry[sidStart + i] & 0x7F);
    }
    return new SortKey(Instant.ofEpochSecond(seconds), new String(sid));
  }

  /** The key of a SID's purge marker. */
  public static byte[] marker(String sid) {
    return tagged(MARKER, utf8(sid));
  }

  /** The key that lists a purge marker under its time, for expiry. */
  public static byte[] markerExpiry(long purgedAtMs, String sid) {
    byte[] sidBytes = utf8(sid);
    return ByteBuffer.allocate(1 + TIME_BYTES + sidBytes.length)
        .put(MARKER_EXPIRY)
        .putLong(purgedAtMs ^ Long.MIN_VALUE)
        .put(sidBytes)
        .array();
  }

  /** The first byte of every marker expiry key. */
  public static byte[] markerExpiryPrefix() {
    return new byte[] {MARKER_EXPIRY};
  }

  /** The purge time written in a marker expiry key. */
  public static long markerExpiryTime(byte[] key) {
    return ByteBuffer.wrap(key, 1, TIME_BYTES).getLong() ^ Long.MIN_VALUE;
  }

  /** The SID written in a marker expiry key. */
  public static String markerExpirySid(byte[] key) {
    int start = 1 + TIME_BYTES;
    return new String(key, start, key.length - start, StandardCharsets.UTF_8);
  }

  /** A purge marker's value: the purge time. */
  public static byte[] markerValue(long purgedAtMs) {
    return ByteBuffer.allocate(TIME_BYTES).putLong(purgedAtMs).array();
  }

  /** Reads {@link #markerValue}. */
  public static long markerTime(byte[] value) {
    return ByteBuffer.wrap(value).getLong();
  }

  private static byte tagOf(IndexKind kind) {
    return switch (kind) {
      case DATE -> DATE;
      case GROUPING -> GROUPING;
      case SOURCE -> SOURCE;
      case STATUS -> STATUS;
      case MEDIA_TYPE -> MEDIA_TYPE;
    };
  }

  private static byte[] field(String text) {
    byte[] bytes = utf8(text);
    if (bytes.length > 0xFF) {
      throw new IllegalArgumentException("key fields are at most 255 bytes: " + text);
    }
    return tagged((byte) bytes.length, bytes);
  }

  private static byte[] tagged(byte tag, byte[] bytes) {
    byte[] out = new byte[bytes.length + 1];
    out[0] = tag;
    System.arraycopy(bytes, 0, out, 1, bytes.length);
    return out;
  }

  private static byte[] utf8(String text) {
    return Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8);
  }
}
