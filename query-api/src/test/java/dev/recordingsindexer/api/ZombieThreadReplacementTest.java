package dev.recordingsindexer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TransactionAbortableException;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class ZombieThreadReplacementTest {

  private final AtomicLong now = new AtomicLong();
  private final ZombieThreadReplacement handler = new ZombieThreadReplacement(now::get);

  @Test
  void shouldReplaceAThreadWhoseCommitCameAfterTheBrokerAbortedItsTransaction() {
    // As Kafka Streams 4.4 reports a zombie's late commit (seen in PausedInstanceIT).
    StreamsException lateCommit =
        new StreamsException(
            "Error encountered trying to commit a transaction",
            new InvalidTxnStateException("The producer attempted a transactional operation"));

    assertThat(handler.handle(lateCommit)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    assertThat(handler.handle(new ProducerFencedException("newer producer")))
        .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
  }

  @Test
  void shouldReplaceAThreadWhoseTransactionWasAbortedAfterTheBrokerWasAwayTooLong() {
    // BrokerOutageIT, 70 s without a broker: a changelog send timed out after max.block.ms, and
    // the next commit found the transaction abortable.
    Throwable abortable =
        new StreamsException(
            "Error encountered trying to add offsets to a transaction",
            new KafkaException(
                "Cannot execute transactional method because we are in an error state",
                new TransactionAbortableException(
                    "Transaction Request was aborted after exhausting retries.")));

    assertThat(new ZombieThreadReplacement(() -> 0L).handle(abortable))
        .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
  }

  @Test
  void shouldStopTheServiceOnAnyOtherError() {
    StreamsException fullDisk =
        new StreamsException(new ProcessorStateException("No space left on device"));

    assertThat(handler.handle(fullDisk)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    assertThat(handler.handle(new IllegalStateException("a bug")))
        .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
  }

  @Test
  void shouldStopTheServiceWhenZombieErrorsKeepComingWithinTheWindow() {
    InvalidTxnStateException zombie = new InvalidTxnStateException("late commit");
    for (int i = 0; i < ZombieThreadReplacement.MAX_REPLACEMENTS; i++) {
      assertThat(handler.handle(zombie)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
      now.addAndGet(1_000_000_000L);
    }

    assertThat(handler.handle(zombie)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);

    now.addAndGet(ZombieThreadReplacement.WINDOW.toNanos());
    assertThat(handler.handle(zombie)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
  }
}
