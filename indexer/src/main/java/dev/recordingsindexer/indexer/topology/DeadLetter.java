package dev.recordingsindexer.indexer.topology;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Objects;

/**
 * An input record that must go to the dead-letter topic unchanged, with why and where from. The
 * original headers travel as the stream record's own headers.
 *
 * @param rawKey the original key, or null
 * @param rawValue the original value, or null (a tombstone with a bad key)
 * @param category a short metrics label, e.g. {@value #SCHEMA}
 * @param exception the class name of the exception, or of {@link InvalidRecordException} when the
 *     record was rejected by a rule rather than by a failure
 * @param message the human-readable reason, or null when the exception had none
 * @param stackTrace the failure's stack trace, or null for a rule's rejection
 */
record DeadLetter(
    byte[] rawKey,
    byte[] rawValue,
    Origin origin,
    String category,
    String exception,
    String message,
    String stackTrace)
    implements Routed {

  static final String SCHEMA = "schema";
  static final String TOMBSTONE = "tombstone";
  static final String ACCOUNT_CONFLICT = "account-conflict";
  static final String UNEXPECTED = "unexpected";

  DeadLetter {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(exception, "exception");
  }

  /** A record that breaks one of the contract's rules; {@code reason} says which. */
  static DeadLetter rejected(
      byte[] rawKey, byte[] rawValue, Origin origin, String category, String reason) {
    return new DeadLetter(
        rawKey,
        rawValue,
        origin,
        category,
        InvalidRecordException.class.getName(),
        category + ": " + reason,
        null);
  }

  /** A record whose processing failed unexpectedly. */
  static DeadLetter failed(byte[] rawKey, byte[] rawValue, Origin origin, Exception e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    return new DeadLetter(
        rawKey,
        rawValue,
        origin,
        UNEXPECTED,
        e.getClass().getName(),
        e.getMessage(),
        trace.toString());
  }
}
