package dev.recordingsindexer.indexer.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PlainHttpUrlTest {

  /** Characters URLs are made of, plus some that must send a value to the full parser. */
  private static final String ALPHABET = "htps:/.-_~?=&0123456789abcXYZ%#@![] \u00e9";

  private static final String[] PREFIXES = {"https://", "http://", "http:", "https:///", ""};

  @Test
  void matchesTheUsualRecordingUrls() {
    assertThat(
            PlainHttpUrl.matches(
                "https://com-twilio-us1-video-recording.s3.amazonaws.com/ACx/RTy.mka"))
        .isTrue();
    assertThat(PlainHttpUrl.matches("https://callbacks.example.com/video/recording-status"))
        .isTrue();
    assertThat(PlainHttpUrl.matches("http://localhost:8080/cb?account=AC1&x=y")).isTrue();
    assertThat(PlainHttpUrl.matches("https://example.com")).isTrue();
  }

  @Test
  void leavesEverythingElseToTheFullParser() {
    assertThat(PlainHttpUrl.matches("https://")).isFalse();
    assertThat(PlainHttpUrl.matches("https:///path")).isFalse();
    assertThat(PlainHttpUrl.matches("https://-host/")).isFalse();
    assertThat(PlainHttpUrl.matches("https://host:/x")).isFalse();
    assertThat(PlainHttpUrl.matches("https://host:123456/x")).isFalse();
    assertThat(PlainHttpUrl.matches("https://host/a b")).isFalse();
    assertThat(PlainHttpUrl.matches("https://host/%20")).isFalse();
    assertThat(PlainHttpUrl.matches("https://host/#frag")).isFalse();
    assertThat(PlainHttpUrl.matches("ftp://host/")).isFalse();
    assertThat(PlainHttpUrl.matches("/relative/path")).isFalse();
  }

  /** The property the shortcut rests on: whatever it accepts, java.net.URI accepts as absolute. */
  @Test
  void everyMatchIsAnAbsoluteUriForJavaNetUri() {
    SplittableRandom random = new SplittableRandom(20261127L);
    int matched = 0;
    for (int i = 0; i < 1_000_000; i++) {
      String value = randomUrl(random);
      if (PlainHttpUrl.matches(value)) {
        matched++;
        assertThat(isAbsoluteUri(value)).as("%s matched the shortcut", value).isTrue();
      }
    }
    // The generator must reach the shortcut often, or the property says little.
    assertThat(matched).isGreaterThan(50_000);
  }

  private static String randomUrl(SplittableRandom random) {
    StringBuilder value = new StringBuilder(PREFIXES[random.nextInt(PREFIXES.length)]);
    int length = random.nextInt(24);
    for (int i = 0; i < length; i++) {
      // Mostly letters and dots, so that many values are well-formed hosts and paths.
      value.append(
          random.nextInt(3) == 0
              ? ALPHABET.charAt(random.nextInt(ALPHABET.length()))
              : (char) ('a' + random.nextInt(26)));
    }
    return value.toString();
  }

  private static boolean isAbsoluteUri(String value) {
    try {
      return new URI(value).isAbsolute();
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
