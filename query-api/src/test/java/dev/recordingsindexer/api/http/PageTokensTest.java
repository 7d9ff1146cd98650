package dev.recordingsindexer.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recordingsindexer.indexer.model.MediaType;
import dev.recordingsindexer.indexer.model.RecordingStatus;
import dev.recordingsindexer.indexer.model.SortKey;
import dev.recordingsindexer.indexer.query.PagePosition;
import dev.recordingsindexer.indexer.query.RecordingFilter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PageTokensTest {

  private static final String ACCOUNT = TestServer.ACCOUNT;
  private static final RecordingFilter FILTER =
      new RecordingFilter(
          RecordingStatus.COMPLETED,
          null,
          List.of("RM" + "a".repeat(32), "PA" + "b".repeat(32)),
          Instant.parse("2026-01-01T00:00:00Z"),
          null,
          MediaType.AUDIO);
  private static final SortKey KEY =
      new SortKey(Instant.parse("2026-01-01T10:00:00Z"), "RT" + "0123456789abcdef".repeat(2));

  private final PageTokens tokens = new PageTokens(TestServer.SECRET);

  @Test
  void shouldDecodeEveryDirectionItEncoded() {
    for (PagePosition position :
        List.of(
            new PagePosition.After(KEY),
            new PagePosition.Before(KEY, false),
            new PagePosition.Before(KEY, true))) {
      String token = tokens.encode(ACCOUNT, FILTER, position);

      assertThat(token).matches("^[A-Za-z0-9_-]+$");
      assertThat(tokens.decode(ACCOUNT, FILTER, token)).isEqualTo(position);
    }
  }

  @Test
  void shouldAcceptTheSameFiltersWithGroupingSidsInAnotherOrder() {
    String token = tokens.encode(ACCOUNT, FILTER, new PagePosition.After(KEY));
    RecordingFilter reordered =
        new RecordingFilter(
            FILTER.status(),
            null,
            List.of(FILTER.groupingSids().get(1), FILTER.groupingSids().get(0)),
            FILTER.createdAtOrAfter(),
            null,
            FILTER.mediaType());

    assertThat(tokens.decode(ACCOUNT, reordered, token)).isEqualTo(new PagePosition.After(KEY));
  }

  @Test
  void shouldRejectATokenWithAnySingleBitFlipped() {
    String token = tokens.encode(ACCOUNT, FILTER, new PagePosition.Before(KEY, true));
    byte[] bytes = Base64.getUrlDecoder().decode(token);
    for (int bit = 0; bit < bytes.length * 8; bit++) {
      byte[] altered = bytes.clone();
      altered[bit / 8] ^= (byte) (1 << (bit % 8));
      String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(altered);

      assertRejected(() -> tokens.decode(ACCOUNT, FILTER, tampered));
    }
  }

  @Test
  void shouldRejectEveryAlteredCharacterOfTheText() {
    String token = tokens.encode(ACCOUNT, FILTER, new PagePosition.After(KEY));
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/ .";
    Random random = new Random(42);
    for (int i = 0; i < token.length(); i++) {
      char replacement;
      do {
        replacement = alphabet.charAt(random.nextInt(alphabet.length()));
      } while (replacement == token.charAt(i));
      String altered = token.substring(0, i) + replacement + token.substring(i + 1);

      assertRejected(() -> tokens.decode(ACCOUNT, FILTER, altered));
    }
  }

  @Test
  void shouldRejectATokenOfAnotherAccountOtherFiltersOrAnotherSecret() {
    String token = tokens.encode(ACCOUNT, FILTER, new PagePosition.After(KEY));
    PageTokens otherSecret =
        new PageTokens("another-secret-of-enough-bytes!!".getBytes(StandardCharsets.UTF_8));

    assertRejected(() -> tokens.decode(TestServer.OTHER_ACCOUNT, FILTER, token));
    assertRejected(() -> tokens.decode(ACCOUNT, RecordingFilter.NONE, token));
    assertRejected(
        () ->
            tokens.decode(
                ACCOUNT,
                new RecordingFilter(
                    FILTER.status(),
                    null,
                    FILTER.groupingSids(),
                    FILTER.createdAtOrAfter(),
                    null,
                    MediaType.VIDEO),
                token));
    assertRejected(() -> otherSecret.decode(ACCOUNT, FILTER, token));
  }

  @Test
  void shouldRejectGarbledTokens() {
    for (String garbled :
        List.of("", "x", "not a token", "%%%", "AAAA", "A".repeat(200), "é", "abc=")) {
      assertRejected(() -> tokens.decode(ACCOUNT, FILTER, garbled));
    }
  }

  @Test
  void shouldRejectRandomBytesOfEveryLength() {
    Random random = new Random(7);
    for (int length = 0; length < 120; length++) {
      byte[] bytes = new byte[length];
      random.nextBytes(bytes);
      String text = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

      assertRejected(() -> tokens.decode(ACCOUNT, FILTER, text));
    }
  }

  private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo(20001);
              assertThat(e.getMessage()).startsWith("PageToken: ");
            });
  }
}
