package dev.recordingsindexer.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TwilioDatesTest {

  @Test
  void shouldWriteTwilioDates() {
    assertThat(TwilioDates.format(Instant.parse("2026-01-01T10:00:00.999Z")))
        .isEqualTo("2026-01-01T10:00:00Z");
    assertThat(TwilioDates.format(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00Z");
    assertThat(TwilioDates.format(Instant.parse("1969-12-31T23:59:59.5Z")))
        .isEqualTo("1969-12-31T23:59:59Z");
    assertThat(TwilioDates.format(null)).isNull();
  }

  @Test
  void shouldWriteWhatIsoInstantWritesForTheTruncatedInstant() {
    SplittableRandom random = new SplittableRandom(42);
    long min = Instant.parse("-1000-01-01T00:00:00Z").getEpochSecond();
    long max = Instant.parse("+12000-01-01T00:00:00Z").getEpochSecond();
    for (int i = 0; i < 200_000; i++) {
      Instant instant =
          Instant.ofEpochSecond(random.nextLong(min, max), random.nextInt(1_000_000_000));
      assertThat(TwilioDates.format(instant)).isEqualTo(iso(instant));
    }
    for (String edge :
        new String[] {
          "0000-01-01T00:00:00Z",
          "-0001-12-31T23:59:59Z",
          "9999-12-31T23:59:59.999999999Z",
          "+10000-01-01T00:00:00Z",
          "2024-02-29T12:34:56Z"
        }) {
      Instant instant = Instant.parse(edge);
      assertThat(TwilioDates.format(instant)).as(edge).isEqualTo(iso(instant));
    }
  }

  private static String iso(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }
}
