package dev.recordingsindexer.api.http;

import dev.recordingsindexer.indexer.model.SortKey;
import dev.recordingsindexer.indexer.query.PagePosition;
import dev.recordingsindexer.indexer.query.RecordingFilter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque, signed page tokens: a keyset position ({@link PagePosition.After} or {@link
 * PagePosition.Before}) that only the account and the filters it was issued for can use.
 *
 * <p>A token is base64url (no padding) of {@code payload || HMAC-SHA256}. The payload holds the
 * direction and the sort key; the MAC also covers the account SID and the canonical form of the
 * filters, which are not in the payload, so a token replayed by another account, with other filters
 * or under another secret fails the (constant-time) MAC check. Thread-safe.
 */
final class PageTokens {

  /** The range of creation times a cursor may hold: the UTC years 0000 to 9999 events may carry. */
  private static final long MIN_SECONDS = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();

  private static final long MAX_SECONDS = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

  private static final String ALGORITHM = "HmacSHA256";
  private static final int MAC_BYTES = 32;
  private static final byte VERSION = 1;
  private static final byte AFTER = 0;
  private static final byte BEFORE = 1;
  private static final byte BEFORE_INCLUSIVE = 2;
  private static final int HEADER_BYTES = 1 + 1 + 8 + 4 + 1;
  private static final Pattern RECORDING_SID = Pattern.compile("^RT[0-9a-fA-F]{32}$");
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec key;

  PageTokens(byte[] secret) {
    this.key = new SecretKeySpec(Objects.requireNonNull(secret, "secret").clone(), ALGORITHM);
  }

  /** A token for {@code position}, which must be an {@code After} or a {@code Before}. */
  String encode(String accountSid, RecordingFilter filter, PagePosition position) {
    byte kind;
    SortKey sortKey;
    if (position instanceof PagePosition.After after) {
      kind = AFTER;
      sortKey = after.key();
    } else if (position instanceof PagePosition.Before before) {
      kind = before.inclusive() ? BEFORE_INCLUSIVE : BEFORE;
      sortKey = before.key();
    } else {
      throw new IllegalArgumentException("only keyset positions have tokens: " + position);
    }
    byte[] sid = sortKey.sid().getBytes(StandardCharsets.US_ASCII);
    ByteBuffer payload = ByteBuffer.allocate(HEADER_BYTES + sid.length);
    payload.put(VERSION).put(kind);
    payload.putLong(sortKey.dateCreated().getEpochSecond()).putInt(sortKey.dateCreated().getNano());
    payload.put((byte) sid.length).put(sid);
    byte[] body = payload.array();
    byte[] token = Arrays.copyOf(body, body.length + MAC_BYTES);
    System.arraycopy(mac(accountSid, filter, body), 0, token, body.length, MAC_BYTES);
    return ENCODER.encodeToString(token);
  }

  /**
   * The position a token stands for.
   *
   * @throws ApiException 400 when the token is garbled, altered, or not issued for this account and
   *     these filters
   */
  PagePosition decode(String accountSid, RecordingFilter filter, String token) {
    byte[] bytes = decodeBase64(token);
    if (bytes.length < HEADER_BYTES + MAC_BYTES) {
      throw invalid();
    }
    byte[] body = Arrays.copyOf(bytes, bytes.length - MAC_BYTES);
    byte[] givenMac = Arrays.copyOfRange(bytes, body.length, bytes.length);
    if (!MessageDigest.isEqual(mac(accountSid, filter, body), givenMac)) {
      throw invalid();
    }
    return position(ByteBuffer.wrap(body));
  }

  /** The filters in one canonical text: equal filters, equal text, whatever the parameter order. */
  static String canonical(RecordingFilter filter) {
    return String.join(
        "\n",
        "status=" + (filter.status() == null ? "" : filter.status().wire()),
        "source=" + Objects.toString(filter.sourceSid(), ""),
        "grouping=" + String.join(",", new TreeSet<>(filter.groupingSids())),
        "after=" + Objects.toString(filter.createdAtOrAfter(), ""),
        "before=" + Objects.toString(filter.createdBefore(), ""),
        "media=" + (filter.mediaType() == null ? "" : filter.mediaType().wire()));
  }

  private static byte[] decodeBase64(String token) {
    byte[] bytes;
    try {
      bytes = DECODER.decode(token);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    // Unused trailing bits would let two strings decode alike: accept only the canonical spelling.
    if (!ENCODER.encodeToString(bytes).equals(token)) {
      throw invalid();
    }
    return bytes;
  }

  private static PagePosition position(ByteBuffer body) {
    byte version = body.get();
    byte kind = body.get();
    long seconds = body.getLong();
    int nanos = body.getInt();
    int sidLength = body.get();
    if (version != VERSION || nanos < 0 || nanos > 999_999_999 || sidLength != body.remaining()) {
      throw invalid();
    }
    byte[] sidBytes = new byte[sidLength];
    body.get(sidBytes);
    String sid = new String(sidBytes, StandardCharsets.US_ASCII);
    if (!RECORDING_SID.matcher(sid).matches()) {
      throw invalid();
    }
    if (seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
      throw invalid(); // signed, yet no listed recording can sit there
    }
    SortKey key = new SortKey(Instant.ofEpochSecond(seconds, nanos), sid);
    switch (kind) {
      case AFTER:
        return new PagePosition.After(key);
      case BEFORE:
        return new PagePosition.Before(key, false);
      case BEFORE_INCLUSIVE:
        return new PagePosition.Before(key, true);
      default:
        throw invalid();
    }
  }

  private byte[] mac(String accountSid, RecordingFilter filter, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      mac.update(lengthPrefixed(accountSid));
      mac.update(lengthPrefixed(canonical(filter)));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unusable in this JVM", e);
    }
  }

  private static byte[] lengthPrefixed(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(4 + bytes.length).putInt(bytes.length).put(bytes).array();
  }

  private static ApiException invalid() {
    return ApiException.badParameter(
        "PageToken", "invalid, altered, or not issued for these filters and this account");
  }
}
