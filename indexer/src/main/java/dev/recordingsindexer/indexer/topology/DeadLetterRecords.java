package dev.recordingsindexer.indexer.topology;

import java.util.Objects;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The last step before the dead-letter topic: turns a {@link DeadLetter} back into the original
 * record (raw key, raw value, original headers and timestamp) with {@link DeadLetterHeaders}
 * appended, and counts it.
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
    context.forward(
        new Record<>(
            deadLetter.rawKey(),
            deadLetter.rawValue(),
            record.timestamp(),
            DeadLetterHeaders.describe(record.headers(), deadLetter)));
    listener.onDeadLettered(deadLetter.category());
  }
}
