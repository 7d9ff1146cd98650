package dev.recordingsindexer.indexer.topology;

import java.util.Objects;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The last step before the dead-letter topic: turns a {@link DeadLetter} back into the original
 * record (raw key, raw value, original headers and timestamp) with {@link DeadLetterHeaders}
 * appended, cut to fit only when larger than {@link RecordLimits#MAX_RECORD_BYTES} ({@link
 * FittedDeadLetter}), and counts it.
 */
final class DeadLetterRecords implements Processor<String, DeadLetter, byte[], byte[]> {

  private final IndexerListener listener;
  private ProcessorContext<byte[], byte[]> context;

  DeadLetterRecords(IndexerListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  @Override
  public void init(ProcessorContext<byte[], byte[]> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, DeadLetter> record) {
    DeadLetter deadLetter = record.value();
    FittedDeadLetter fitted =
        FittedDeadLetter.fit(
            deadLetter.rawKey(),
            deadLetter.rawValue(),
            record.headers(),
            DeadLetterHeaders.ours(deadLetter),
            RecordLimits.MAX_RECORD_BYTES - RecordLimits.FRAMING_BYTES);
    context.forward(
        new Record<>(fitted.key(), fitted.value(), record.timestamp(), fitted.headers()));
    listener.onDeadLettered(deadLetter.category());
  }
}
