package dev.recordingsindexer.indexer.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TransactionAbortableException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Response;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Result;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.SerializationExceptionOrigin;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeadLetteringProductionExceptionHandlerTest {

  private final DeadLetteringProductionExceptionHandler handler =
      new DeadLetteringProductionExceptionHandler();
  private final ProducerRecord<byte[], byte[]> failed =
      new ProducerRecord<>(
          "app-recordings-by-sid-repartition", Events.bytes("k"), Events.bytes("v"));
  private final ProducerRecord<byte[], byte[]> changelog =
      new ProducerRecord<>("app-recordings-changelog", Events.bytes("k"), Events.bytes("v"));

  @BeforeEach
  void setUp() {
    handler.configure(Map.of("errors.dead.letter.queue.topic.name", "dlq"));
  }

  @Test
  void shouldRetryRetriableErrors() {
    Response response = handler.handleError(context(), failed, new TimeoutException("slow"));

    assertThat(response.result()).isEqualTo(Result.RETRY);
  }

  @Test
  void shouldResumeAndDeadLetterTheSourceRecordOnOtherErrors() {
    Response response =
        handler.handleError(context(), failed, new RecordTooLargeException("too big"));

    assertThat(response.result()).isEqualTo(Result.RESUME);
    ProducerRecord<byte[], byte[]> deadLetter = response.deadLetterQueueRecords().get(0);
    assertThat(deadLetter.topic()).isEqualTo("dlq");
    assertThat(deadLetter.key()).isEqualTo(Events.bytes("source-key"));
    assertThat(deadLetter.value()).isEqualTo(Events.bytes("source-value"));
    Headers headers = deadLetter.headers();
    assertThat(DeadLetterRecordsTest.header(headers, "trace")).isEqualTo("t-1");
    assertThat(DeadLetterRecordsTest.header(headers, "__streams.errors.exception"))
        .isEqualTo(RecordTooLargeException.class.getName());
    assertThat(DeadLetterRecordsTest.header(headers, "__streams.errors.topic"))
        .isEqualTo("recording-events");
    assertThat(DeadLetterRecordsTest.header(headers, "__streams.errors.offset")).isEqualTo("9");
  }

  @Test
  void shouldLeaveAnAbortedTransactionToKafkaStreamsWithoutDeadLettering() {
    for (ProducerRecord<byte[], byte[]> record : List.of(failed, changelog)) {
      Response response =
          handler.handleError(
              context(), record, new TransactionAbortableException("aborted after retries"));

      assertThat(response.result()).isEqualTo(Result.RESUME);
      assertThat(response.deadLetterQueueRecords()).isEmpty();
    }
  }

  @Test
  void shouldFailTheTaskRatherThanSkipAChangelogWrite() {
    Response response =
        handler.handleError(context(), changelog, new RecordTooLargeException("too big"));

    assertThat(response.result()).isEqualTo(Result.FAIL);
  }

  @Test
  void shouldFailTheTaskWhenAChangelogRecordCannotBeSerialized() {
    Response response =
        handler.handleSerializationError(
            context(),
            changelog,
            new IllegalStateException("x"),
            SerializationExceptionOrigin.VALUE);

    assertThat(response.result()).isEqualTo(Result.FAIL);
  }

  @Test
  void shouldResumeOnSerializationErrors() {
    Response response =
        handler.handleSerializationError(
            context(), failed, new IllegalStateException("x"), SerializationExceptionOrigin.VALUE);

    assertThat(response.result()).isEqualTo(Result.RESUME);
    assertThat(response.deadLetterQueueRecords()).hasSize(1);
  }

  @Test
  void shouldNotDeadLetterAFailedDeadLetter() {
    ProducerRecord<byte[], byte[]> deadLetter = new ProducerRecord<>("dlq", null, new byte[1]);

    Response response =
        handler.handleError(context(), deadLetter, new RecordTooLargeException("too big"));

    assertThat(response.result()).isEqualTo(Result.RESUME);
    assertThat(response.deadLetterQueueRecords()).isEmpty();
  }

  private static ErrorHandlerContext context() {
    RecordHeaders headers = new RecordHeaders();
    headers.add("trace", Events.bytes("t-1"));
    return new ErrorHandlerContext() {
      @Override
      public String topic() {
        return "recording-events";
      }

      @Override
      public int partition() {
        return 0;
      }

      @Override
      public long offset() {
        return 9L;
      }

      @Override
      public Headers headers() {
        return headers;
      }

      @Override
      public String processorNodeId() {
        return "fold-into-store";
      }

      @Override
      public TaskId taskId() {
        return new TaskId(1, 0);
      }

      @Override
      public long timestamp() {
        return 5L;
      }

      @Override
      public byte[] sourceRawKey() {
        return Events.bytes("source-key");
      }

      @Override
      public byte[] sourceRawValue() {
        return Events.bytes("source-value");
      }
    };
  }
}
