package dev.recordingsindexer.indexer.topology;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TransactionAbortableException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The continue-style production handler the indexer configures: a record Kafka cannot write (too
 * large, not serializable) is logged and skipped, and the input record that produced it goes to the
 * dead-letter topic with {@link DeadLetterHeaders}; the stream thread keeps running. Retriable
 * errors are retried, as Kafka's default handler does. A failure to write the dead-letter topic
 * itself is only logged, never dead-lettered again.
 *
 * <p>A failed write to a store's changelog is never skipped: the store would then hold data its
 * changelog lacks, and a restore would silently differ from the live store. The task fails instead
 * and Kafka Streams recovers it from the changelog (under exactly-once the transaction aborts).
 *
 * <p>Kafka instantiates it by reflection from {@code production.exception.handler}; it reads the
 * dead-letter topic from {@code errors.dead.letter.queue.topic.name}.
 */
public final class DeadLetteringProductionExceptionHandler implements ProductionExceptionHandler {

  private static final Logger LOG =
      LoggerFactory.getLogger(DeadLetteringProductionExceptionHandler.class);

  private String deadLetterTopic;

  @Override
  public void configure(Map<String, ?> configs) {
    Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
    deadLetterTopic = topic == null ? null : topic.toString();
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
    if (exception instanceof RetriableException) {
      return Response.retry();
    }
    if (exception instanceof TransactionAbortableException) {
      // Exactly-once only: the open transaction aborts, so nothing of it (this write included) is
      // ever read; Kafka Streams re-initializes the task and processes its records again. Failing
      // here would instead stop the client over a transient fault (a broker outage).
      LOG.warn(
          "The transaction aborts: a write to {} failed transiently", record.topic(), exception);
      return Response.resume();
    }
    if (isChangelog(record.topic())) {
      LOG.error("Failing the task: the changelog write to {} failed", record.topic(), exception);
      return Response.fail();
    }
    return skip(context, record.topic(), exception);
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Response handleSerializationError(
      ErrorHandlerContext context,
      ProducerRecord record,
      Exception exception,
      SerializationExceptionOrigin origin) {
    if (isChangelog(record.topic())) {
      LOG.error(
          "Failing the task: a changelog record for {} cannot be serialized",
          record.topic(),
          exception);
      return Response.fail();
    }
    return skip(context, record.topic(), exception);
  }

  private static boolean isChangelog(String topic) {
    return topic != null && topic.endsWith("-changelog");
  }

  private Response skip(ErrorHandlerContext context, String failedTopic, Exception exception) {
    LOG.error(
        "Skipping a record for topic {} produced from {}-{}@{}",
        failedTopic,
        context.topic(),
        context.partition(),
        context.offset(),
        exception);
    if (deadLetterTopic == null || deadLetterTopic.equals(failedTopic)) {
      return Response.resume();
    }
    return Response.resume(List.of(deadLetterRecord(context, exception)));
  }

  private ProducerRecord<byte[], byte[]> deadLetterRecord(
      ErrorHandlerContext context, Exception exception) {
    Origin origin =
        new Origin(
            context.topic() == null ? "" : context.topic(), context.partition(), context.offset());
    DeadLetter deadLetter =
        DeadLetter.failed(context.sourceRawKey(), context.sourceRawValue(), origin, exception);
    FittedDeadLetter fitted =
        FittedDeadLetter.fit(
            deadLetter.rawKey(),
            deadLetter.rawValue(),
            context.headers(),
            DeadLetterHeaders.ours(deadLetter),
            RecordLimits.MAX_RECORD_BYTES - RecordLimits.FRAMING_BYTES);
    return new ProducerRecord<>(
        deadLetterTopic, null, context.timestamp(), fitted.key(), fitted.value(), fitted.headers());
  }
}
