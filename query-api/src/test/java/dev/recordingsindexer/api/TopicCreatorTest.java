package dev.recordingsindexer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.internals.KafkaFutureImpl;
import org.junit.jupiter.api.Test;

/** A describe right after a create may meet a broker that does not know the topic yet. */
class TopicCreatorTest {

  @Test
  void shouldAskAgainWhileTheTopicIsUnknown() throws Exception {
    AtomicInteger calls = new AtomicInteger();

    String answer =
        TopicCreator.onceKnown(
            deadlineIn(10_000),
            () ->
                calls.incrementAndGet() < 3
                    ? failed(new UnknownTopicOrPartitionException("not yet"))
                    : KafkaFuture.completedFuture("described"));

    assertThat(answer).isEqualTo("described");
    assertThat(calls).hasValue(3);
  }

  @Test
  void shouldFailAtOnceForAnyOtherError() {
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(
            () ->
                TopicCreator.onceKnown(
                    deadlineIn(10_000),
                    () -> {
                      calls.incrementAndGet();
                      return failed(new TopicAuthorizationException("denied"));
                    }))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(TopicAuthorizationException.class);
    assertThat(calls).hasValue(1);
  }

  @Test
  void shouldGiveUpOnAnUnknownTopicAtTheDeadline() {
    assertThatThrownBy(
            () ->
                TopicCreator.onceKnown(
                    deadlineIn(300), () -> failed(new UnknownTopicOrPartitionException("never"))))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(UnknownTopicOrPartitionException.class);
  }

  private static long deadlineIn(long millis) {
    return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
  }

  private static <T> KafkaFuture<T> failed(RuntimeException cause) {
    KafkaFutureImpl<T> future = new KafkaFutureImpl<>();
    future.completeExceptionally(cause);
    return future;
  }
}
