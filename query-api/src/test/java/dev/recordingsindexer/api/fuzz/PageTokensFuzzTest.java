package dev.recordingsindexer.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.recordingsindexer.api.fuzz.HttpInternals.ApiError;
import dev.recordingsindexer.indexer.model.MediaType;
import dev.recordingsindexer.indexer.model.RecordingStatus;
import dev.recordingsindexer.indexer.model.SortKey;
import dev.recordingsindexer.indexer.query.PagePosition;
import dev.recordingsindexer.indexer.query.RecordingFilter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Fuzzes page-token decoding: any {@code PageToken} text gives either the position it was signed
 * for or the documented 400 (code 20001), never another exception; a token that decodes is the
 * canonical spelling of its position and is bound to its account.
 *
 * <p>Forging the MAC is out of a fuzzer's reach, so the second test signs whatever payload the
 * fuzzer makes with the test secret (as a holder of {@code TOKEN_SECRET} could) to reach the
 * payload decoding behind the MAC check. Without {@code JAZZER_FUZZ} both replay {@code
 * PageTokensFuzzTestInputs/<method>/}.
 */
class PageTokensFuzzTest {

  static final String ACCOUNT = "AC11111111111111111111111111111111";
  static final String OTHER_ACCOUNT = "AC22222222222222222222222222222222";
  static final byte[] SECRET = "fuzz-secret-of-at-least-16-bytes".getBytes(StandardCharsets.UTF_8);
  static final RecordingFilter FILTER =
      new RecordingFilter(
          RecordingStatus.COMPLETED,
          null,
          List.of("RM" + "a".repeat(32)),
          Instant.parse("2026-01-01T00:00:00Z"),
          null,
          MediaType.AUDIO);

  private static final int MAC_BYTES = 32;
  private static final Object TOKENS = HttpInternals.pageTokens(SECRET);
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  static {
    // The test's signer must sign exactly as PageTokens does, or the second test only ever
    // exercises the MAC check.
    String real =
        HttpInternals.encode(
            TOKENS,
            ACCOUNT,
            FILTER,
            new PagePosition.After(
                new SortKey(Instant.parse("2026-01-02T00:00:00Z"), "RT" + "0".repeat(32))));
    byte[] bytes = Base64.getUrlDecoder().decode(real);
    if (!signed(Arrays.copyOf(bytes, bytes.length - MAC_BYTES)).equals(real)) {
      throw new IllegalStateException("the test's signer no longer matches PageTokens");
    }
  }

  @FuzzTest(maxDuration = "5m")
  void shouldDecodeAnyTextToItsPositionOrA400(byte[] raw) {
    assertDecodesOrIsRejected(new String(raw, StandardCharsets.UTF_8));
  }

  @FuzzTest(maxDuration = "5m")
  void shouldDecodeAnySignedPayloadToItsPositionOrA400(byte[] payload) {
    assertDecodesOrIsRejected(signed(payload));
  }

  private static void assertDecodesOrIsRejected(String token) {
    PagePosition position;
    try {
      position = HttpInternals.decode(TOKENS, ACCOUNT, FILTER, token);
    } catch (RuntimeException e) {
      ApiError error = HttpInternals.apiError(e).orElseThrow(() -> e);
      assertThat(error.status()).isEqualTo(400);
      assertThat(error.code()).isEqualTo(20001);
      assertThat(error.message()).startsWith("PageToken: ");
      return;
    }

    assertThat(position).isInstanceOfAny(PagePosition.After.class, PagePosition.Before.class);
    assertThat(HttpInternals.encode(TOKENS, ACCOUNT, FILTER, position))
        .as("the one spelling of this position")
        .isEqualTo(token);
    Throwable foreign =
        catchThrowable(() -> HttpInternals.decode(TOKENS, OTHER_ACCOUNT, FILTER, token));
    assertThat(HttpInternals.apiError(foreign))
        .as("the same token used by another account")
        .hasValueSatisfying(error -> assertThat(error.status()).isEqualTo(400));
  }

  /** {@code payload || HMAC-SHA256(secret; len account, len filters, payload)}, base64url. */
  static String signed(byte[] payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
      mac.update(lengthPrefixed(ACCOUNT));
      mac.update(lengthPrefixed(HttpInternals.canonical(FILTER)));
      byte[] token = Arrays.copyOf(payload, payload.length + MAC_BYTES);
      System.arraycopy(mac.doFinal(payload), 0, token, payload.length, MAC_BYTES);
      return BASE64URL.encodeToString(token);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] lengthPrefixed(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(4 + bytes.length).putInt(bytes.length).put(bytes).array();
  }
}
