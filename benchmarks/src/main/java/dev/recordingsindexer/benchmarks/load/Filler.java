package dev.recordingsindexer.benchmarks.load;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes a stream of records with one idempotent producer tuned for throughput (lz4, 256 KiB
 * batches, 5 ms linger, acks=all), printing progress every 5 s; fails if any record is refused.
 */
final class Filler {

  private final String bootstrapServers;

  Filler(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  long fill(Iterator<ProducerRecord<byte[], byte[]>> records) {
    AtomicLong acked = new AtomicLong();
    AtomicReference<Exception> failure = new AtomicReference<>();
    long sent = 0;
    Progress progress = new Progress("produce");
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config())) {
      while (records.hasNext() && failure.get() == null) {
        producer.send(
            records.next(),
            (metadata, exception) -> {
              if (exception != null) {
                failure.compareAndSet(null, exception);
              } else {
                acked.incrementAndGet();
              }
            });
        sent++;
        progress.maybePrint(acked.get(), "");
      }
      producer.flush();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("the producer failed after " + sent, failure.get());
    }
    return acked.get();
  }

  private Map<String, Object> config() {
    Map<String, Object> config = ProducerSettings.of(bootstrapServers, 5);
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
    return config;
  }
}
