package dev.recordingsindexer.api.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Dates as Twilio's API writes them: UTC, whole seconds, {@code 2026-01-01T10:00:00Z}, exactly what
 * {@link DateTimeFormatter#ISO_INSTANT} writes for the instant truncated to seconds. Years 0 to
 * 9999 are formatted by hand (three dates per recording, 150 per page, were 5% of a list request's
 * time); any other year goes through {@code ISO_INSTANT}, which adds a sign. Stateless.
 */
final class TwilioDates {

  private static final long SECONDS_PER_DAY = 86_400;
  private static final long FIRST_FAST_SECOND = -62_167_219_200L; // 0000-01-01T00:00:00Z
  private static final long LAST_FAST_SECOND = 253_402_300_799L; // 9999-12-31T23:59:59Z

  private TwilioDates() {}

  /** Characters of a date written by {@link #write}. */
  static final int LENGTH = 20;

  /** The formatted instant, or null for null. */
  static String format(Instant instant) {
    if (instant == null) {
      return null;
    }
    byte[] text = new byte[LENGTH];
    if (write(instant, text, 0) < 0) {
      return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
    return new String(text, StandardCharsets.US_ASCII);
  }

  /**
   * Writes the formatted instant as {@link #LENGTH} ASCII bytes at {@code at}; returns {@link
   * #LENGTH}, or -1 and writes nothing for a year outside 0 to 9999 (use {@link #format}).
   */
  static int write(Instant instant, byte[] text, int at) {
    long seconds = instant.getEpochSecond();
    if (seconds < FIRST_FAST_SECOND || seconds > LAST_FAST_SECOND) {
      return -1;
    }
    LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
    int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
    digits(text, at, date.getYear(), 4);
    text[at + 4] = '-';
    digits(text, at + 5, date.getMonthValue(), 2);
    text[at + 7] = '-';
    digits(text, at + 8, date.getDayOfMonth(), 2);
    text[at + 10] = 'T';
    digits(text, at + 11, secondOfDay / 3600, 2);
    text[at + 13] = ':';
    digits(text, at + 14, secondOfDay / 60 % 60, 2);
    text[at + 16] = ':';
    digits(text, at + 17, secondOfDay % 60, 2);
    text[at + 19] = 'Z';
    return LENGTH;
  }

  private static void digits(byte[] text, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      text[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
  }
}
