package dev.recordingsindexer.api;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TransactionAbortableException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what a stream thread's fatal error does to the service. A thread that comes back from a
 * long pause or a network partition is a zombie: the broker has aborted its transaction and the
 * group has given its tasks away. Kafka Streams handles most such cases itself (a fenced producer
 * means the tasks migrated), but a commit that reaches the broker after it aborted the transaction
 * fails with {@link InvalidTxnStateException} (transactions v2), which Kafka Streams 4.4 treats as
 * fatal and which would stop the whole service. The same holds for a transaction the producer
 * itself gave up on ({@link TransactionAbortableException}): seen when the broker was away longer
 * than the producer's {@code max.block.ms}, so a changelog send timed out and the next commit found
 * the transaction in its abortable error state. For these errors ({@link InvalidTxnStateException},
 * {@link ProducerFencedException}, {@link InvalidProducerEpochException}, {@link
 * TransactionAbortableException}) the thread is replaced: the new one starts a fresh producer,
 * rejoins the group and resumes from the last commit (the transactional store keeps its committed
 * data). At most {@link #MAX_REPLACEMENTS} times per {@link #WINDOW}, so an error that keeps coming
 * back still stops the service, as does every other error (a full disk, a bug).
 */
final class ZombieThreadReplacement implements StreamsUncaughtExceptionHandler {

  static final int MAX_REPLACEMENTS = 5;
  static final Duration WINDOW = Duration.ofMinutes(10);

  private static final Logger LOG = LoggerFactory.getLogger(ZombieThreadReplacement.class);

  private final LongSupplier nanoClock;
  private final Deque<Long> replacements = new ArrayDeque<>();

  ZombieThreadReplacement() {
    this(System::nanoTime);
  }

  ZombieThreadReplacement(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  @Override
  public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
    if (!isZombieError(exception)) {
      LOG.error("A stream thread failed; stopping the stream processor", exception);
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
    long now = nanoClock.getAsLong();
    while (!replacements.isEmpty() && now - replacements.peekFirst() > WINDOW.toNanos()) {
      replacements.removeFirst();
    }
    if (replacements.size() >= MAX_REPLACEMENTS) {
      LOG.error(
          "A stream thread failed as a fenced zombie for the {}th time within {}; stopping the"
              + " stream processor (check the broker's transaction timeouts and this host's"
              + " pauses)",
          MAX_REPLACEMENTS + 1,
          WINDOW,
          exception);
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
    replacements.addLast(now);
    LOG.warn(
        "A stream thread's transaction was aborted or fenced while it was cut off (it was a"
            + " zombie); replacing the thread, which rejoins the group and resumes from the last"
            + " commit",
        exception);
    return StreamThreadExceptionResponse.REPLACE_THREAD;
  }

  private static boolean isZombieError(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidTxnStateException
          || cause instanceof ProducerFencedException
          || cause instanceof InvalidProducerEpochException
          || cause instanceof TransactionAbortableException) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }
}
