package dev.recordingsindexer.api.http;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;

/**
 * Reads the date filters as Twilio's clients send them: a date-time with {@code Z} or an offset, a
 * date-time without a zone (UTC), or a bare date (midnight UTC). A space where an offset's {@code
 * +} should be (an unencoded {@code +} decoded as a space) is read as {@code +}.
 */
final class IsoDates {

  private static final DateTimeFormatter DATE_TIME_OR_DATE =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .appendLiteral('T')
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .optionalStart()
          .appendOffsetId()
          .optionalEnd()
          .optionalEnd()
          .toFormatter();

  private IsoDates() {}

  private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

  /**
   * The instant, or empty when the text is none of the accepted forms or falls outside the UTC
   * years 0000 to 9999 (the only ones a link can write back in the same form).
   */
  static Optional<Instant> parse(String text) {
    return parseAnyYear(text).filter(at -> !at.isBefore(EARLIEST) && !at.isAfter(LATEST));
  }

  private static Optional<Instant> parseAnyYear(String text) {
    TemporalAccessor parsed;
    try {
      parsed =
          DATE_TIME_OR_DATE.parseBest(
              text.replace(' ', '+'), OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
    if (parsed instanceof OffsetDateTime offsetDateTime) {
      return Optional.of(offsetDateTime.toInstant());
    }
    if (parsed instanceof LocalDateTime localDateTime) {
      return Optional.of(localDateTime.toInstant(ZoneOffset.UTC));
    }
    return Optional.of(((LocalDate) parsed).atStartOfDay(ZoneOffset.UTC).toInstant());
  }
}
