package dev.recordingsindexer.indexer.store;

import java.util.function.Supplier;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorContextUtils;
import org.apache.kafka.streams.processor.internals.ProcessorRecordContext;
import org.apache.kafka.streams.query.Position;

/**
 * Sends changelog records through Kafka Streams' internal context, as its own change-logging stores
 * do: to the store's registered changelog partition, stamped with the current record's timestamp
 * and (when consistency is enabled) the store's position.
 */
final class ContextChangelogSink implements ChangelogSink {

  private final InternalProcessorContext<?, ?> context;
  private final String storeName;
  private final Supplier<Position> position;

  private ContextChangelogSink(
      InternalProcessorContext<?, ?> context, String storeName, Supplier<Position> position) {
    this.context = context;
    this.storeName = storeName;
    this.position = position;
  }

  /**
   * @throws IllegalArgumentException when {@code context} is not Kafka Streams' own (a mock)
   */
  static ContextChangelogSink of(
      StateStoreContext context, String storeName, Supplier<Position> position) {
    return new ContextChangelogSink(
        ProcessorContextUtils.asInternalProcessorContext(context), storeName, position);
  }

  @Override
  public void log(byte[] key, byte[] value) {
    ProcessorRecordContext record = context.recordContext();
    long timestamp = record == null ? System.currentTimeMillis() : record.timestamp();
    context.logChange(
        storeName, Bytes.wrap(key), value, timestamp, new RecordHeaders(), position.get());
  }
}
