package dev.recordingsindexer.indexer.topology;

import java.util.Objects;
import org.apache.kafka.streams.processor.api.ProcessingContext;

/**
 * Where an input record came from: its topic, partition and offset. Carried through the repartition
 * topic so that a later step can dead-letter the original record with its true origin.
 *
 * @param partition -1 when unknown
 * @param offset -1 when unknown
 */
record Origin(String topic, int partition, long offset) {

  static final Origin UNKNOWN = new Origin("", -1, -1L);

  Origin {
    Objects.requireNonNull(topic, "topic");
  }

  /** The origin of the record the context is processing now, or {@link #UNKNOWN} (punctuation). */
  static Origin of(ProcessingContext context) {
    return context
        .recordMetadata()
        .map(meta -> new Origin(meta.topic(), meta.partition(), meta.offset()))
        .orElse(UNKNOWN);
  }
}
