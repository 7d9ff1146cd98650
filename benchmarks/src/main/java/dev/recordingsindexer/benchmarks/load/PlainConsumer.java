package dev.recordingsindexer.benchmarks.load;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The baseline: one plain consumer (default fetch settings, no group, no processing beyond counting
 * records and bytes) reading the whole topic from the beginning to its end offsets, as fast as it
 * can.
 */
final class PlainConsumer {

  /** Records and bytes read, and the time from the first poll to the last record. */
  record Result(long records, long bytes, double seconds, double cpuSeconds) {
    double rate() {
      return records / seconds;
    }
  }

  private PlainConsumer() {}

  static Result readAll(String bootstrapServers, String topic) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            ByteArrayDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            ByteArrayDeserializer.class,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest");
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long target = end.values().stream().mapToLong(Long::longValue).sum();
      Progress progress = new Progress("plain consumer");
      long records = 0;
      long bytes = 0;
      long start = System.nanoTime();
      double cpuStart = CpuClock.self();
      while (!done(consumer, end)) {
        ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(500));
        for (ConsumerRecord<byte[], byte[]> record : batch) {
          bytes += record.serializedValueSize() + Math.max(0, record.serializedKeySize());
          records++;
        }
        progress.maybePrint(records, "of " + target);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      progress.print(records, "done");
      return new Result(records, bytes, seconds, CpuClock.self() - cpuStart);
    }
  }

  private static boolean done(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }
}
