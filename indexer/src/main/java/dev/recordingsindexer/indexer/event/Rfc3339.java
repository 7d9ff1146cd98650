package dev.recordingsindexer.indexer.event;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads an RFC 3339 {@code date-time}: {@code YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)}.
 *
 * <p>The zone is required. {@code T} and {@code Z} may be lower case, as RFC 3339 allows. The rules
 * match the event schema's {@code dateTime}: a fraction of 1 to 9 digits (finer than a nanosecond
 * is refused, since {@link Instant} cannot hold it), offsets of at most 18 hours, no leap second
 * ({@code :60}), and an instant whose UTC year is 0000 to 9999, so that every date the API renders
 * is a four-digit-year RFC 3339 date again. Hand-written rather than {@code DateTimeFormatter}
 * because it runs once or twice per event.
 */
final class Rfc3339 {

  /** 18 hours, the largest offset the schema (and {@link java.time.ZoneOffset}) allows. */
  private static final int MAX_OFFSET_SECONDS = 18 * 3_600;

  private Rfc3339() {}

  /** The instant the text denotes, or null when it is not an RFC 3339 date-time with a zone. */
  static Instant parse(String text) {
    int length = text.length();
    if (length < 20
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':'
        || (text.charAt(10) != 'T' && text.charAt(10) != 't')) {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if (year < 0
        || month < 0
        || day < 0
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59) {
      return null;
    }
    int position = 19;
    int nanos = 0;
    if (text.charAt(position) == '.') {
      int start = ++position;
      while (position < length && isDigit(text.charAt(position))) {
        if (position - start < 9) {
          nanos = nanos * 10 + (text.charAt(position) - '0');
        }
        position++;
      }
      int read = position - start;
      if (read == 0 || read > 9) {
        return null;
      }
      for (int i = read; i < 9; i++) {
        nanos *= 10;
      }
    }
    int offsetSeconds = offsetSeconds(text, position);
    if (offsetSeconds == Integer.MIN_VALUE) {
      return null;
    }
    long epochDay;
    try {
      epochDay = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException e) {
      return null; // a day that does not exist, such as 2026-02-30: the caller reports the field
    }
    long epochSecond = epochDay * 86_400L + hour * 3_600L + minute * 60L + second - offsetSeconds;
    if (epochSecond < FIRST_SECOND || epochSecond > LAST_SECOND) {
      return null;
    }
    return Instant.ofEpochSecond(epochSecond, nanos);
  }

  /** 0000-01-01T00:00:00Z. */
  private static final long FIRST_SECOND = LocalDate.of(0, 1, 1).toEpochDay() * 86_400L;

  /** 9999-12-31T23:59:59Z. */
  private static final long LAST_SECOND =
      LocalDate.of(9999, 12, 31).toEpochDay() * 86_400L + 86_399L;

  /** The zone's offset east of UTC in seconds, or {@code Integer.MIN_VALUE} if malformed. */
  private static int offsetSeconds(String text, int position) {
    int remaining = text.length() - position;
    if (remaining == 1 && (text.charAt(position) == 'Z' || text.charAt(position) == 'z')) {
      return 0;
    }
    if (remaining != 6 || text.charAt(position + 3) != ':') {
      return Integer.MIN_VALUE;
    }
    char sign = text.charAt(position);
    int hours = digits(text, position + 1, 2);
    int minutes = digits(text, position + 4, 2);
    if ((sign != '+' && sign != '-') || hours < 0 || minutes < 0 || minutes > 59) {
      return Integer.MIN_VALUE;
    }
    int seconds = hours * 3_600 + minutes * 60;
    if (seconds > MAX_OFFSET_SECONDS) {
      return Integer.MIN_VALUE;
    }
    return sign == '+' ? seconds : -seconds;
  }

  /** The decimal number written by {@code count} ASCII digits at {@code start}, or -1. */
  private static int digits(String text, int start, int count) {
    int value = 0;
    for (int i = start; i < start + count; i++) {
      char c = text.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
