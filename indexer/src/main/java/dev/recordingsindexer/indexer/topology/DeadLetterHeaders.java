package dev.recordingsindexer.indexer.topology;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The headers a dead-letter record carries on top of the original record's own headers. The names
 * and encodings are those of Kafka Streams' built-in dead-letter queue (KIP-1034, {@code
 * org.apache.kafka.streams.errors.internals.ExceptionHandlerUtils} in 4.4.0), so the indexer's own
 * dead letters and the ones Kafka's exception handlers write read alike. Every value is UTF-8 text;
 * partition and offset are decimal; a missing message is a null header value.
 *
 * <ul>
 *   <li>{@value #EXCEPTION}: the exception class name; {@link InvalidRecordException} when the
 *       record broke a contract rule
 *   <li>{@value #MESSAGE}: why, e.g. {@code "schema: timestamp is not an RFC 3339 date-time"}
 *   <li>{@value #STACKTRACE}: only for unexpected failures
 *   <li>{@value #TOPIC}, {@value #PARTITION}, {@value #OFFSET}: the input record's position
 *   <li>{@value #CATEGORY}: the indexer's short category ({@code schema}, {@code tombstone}, {@code
 *       account-conflict}, {@code unexpected}), the label of the dead-letter metric
 *   <li>{@value #TRUNCATED}: only on a record too large to write whole, what was cut ({@link
 *       FittedDeadLetter})
 * </ul>
 */
public final class DeadLetterHeaders {

  public static final String EXCEPTION = "__streams.errors.exception";
  public static final String MESSAGE = "__streams.errors.message";
  public static final String STACKTRACE = "__streams.errors.stacktrace";
  public static final String TOPIC = "__streams.errors.topic";
  public static final String PARTITION = "__streams.errors.partition";
  public static final String OFFSET = "__streams.errors.offset";
  public static final String CATEGORY = "recordings-indexer.errors.category";
  public static final String TRUNCATED = "recordings-indexer.errors.truncated";

  private DeadLetterHeaders() {}

  /**
   * The headers describing {@code deadLetter}, in this order, to append to the original record's
   * own.
   */
  static Headers ours(DeadLetter deadLetter) {
    Headers headers = new RecordHeaders();
    headers.add(EXCEPTION, utf8(deadLetter.exception()));
    headers.add(MESSAGE, utf8(deadLetter.message()));
    if (deadLetter.stackTrace() != null) {
      headers.add(STACKTRACE, utf8(deadLetter.stackTrace()));
    }
    headers.add(TOPIC, utf8(deadLetter.origin().topic()));
    headers.add(PARTITION, utf8(String.valueOf(deadLetter.origin().partition())));
    headers.add(OFFSET, utf8(String.valueOf(deadLetter.origin().offset())));
    headers.add(CATEGORY, utf8(deadLetter.category()));
    return headers;
  }

  private static byte[] utf8(String text) {
    return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
  }
}
