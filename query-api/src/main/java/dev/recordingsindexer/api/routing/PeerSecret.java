package dev.recordingsindexer.api.routing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * The secret shared by the instances of one application ({@code PEER_SECRET}), sent in the {@value
 * #HEADER} header of every call between them. Comparison is in constant time over SHA-256 digests,
 * so neither the content nor the length of the secret leaks through timing.
 */
public final class PeerSecret {

  /** The request header that carries the secret. */
  public static final String HEADER = "X-Recordings-Peer";

  private final String value;
  private final byte[] digest;

  public PeerSecret(String value) {
    this.value = Objects.requireNonNull(value, "value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("the peer secret is empty");
    }
    this.digest = sha256(value);
  }

  /** Whether {@code presented} (a header value, possibly null) is this secret. */
  boolean matches(String presented) {
    return presented != null && MessageDigest.isEqual(digest, sha256(presented));
  }

  /** The value to send in {@value #HEADER}. */
  String headerValue() {
    return value;
  }

  @Override
  public String toString() {
    return "PeerSecret[***]";
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
