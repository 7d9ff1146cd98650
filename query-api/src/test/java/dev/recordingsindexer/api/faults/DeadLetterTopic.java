package dev.recordingsindexer.api.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The dead-letter topic as a drill checks it: every record a read-committed consumer sees, from the
 * first offset to the current end, compared as {@code key -> value} text with the records the
 * contract rejects, so that a lost, extra or doubled dead letter (a transaction that should have
 * aborted) shows. Opens a consumer per comparison; thread-safe.
 */
final class DeadLetterTopic {

  static final String CATEGORY_HEADER = "recordings-indexer.errors.category";

  private final String bootstrapServers;
  private final String name;

  DeadLetterTopic(String bootstrapServers, String name) {
    this.bootstrapServers = bootstrapServers;
    this.name = name;
  }

  /**
   * How the topic (read committed, from the start) differs from {@code expected} ({@link #line}s),
   * counted with multiplicity; empty when equal and every record carries its category header.
   */
  Optional<String> difference(List<String> expected) {
    Map<String, Integer> balance = new HashMap<>();
    expected.forEach(line -> balance.merge(line, 1, Integer::sum));
    List<String> uncategorised = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : readAll()) {
      String line = line(text(record.key()), text(record.value()));
      balance.merge(line, -1, Integer::sum);
      Header category = record.headers().lastHeader(CATEGORY_HEADER);
      if (category == null) {
        uncategorised.add(line);
      }
    }
    List<String> missing = new ArrayList<>();
    List<String> extra = new ArrayList<>();
    balance.forEach(
        (line, count) -> {
          for (int i = 0; i < Math.abs(count); i++) {
            (count > 0 ? missing : extra).add(line);
          }
        });
    if (missing.isEmpty() && extra.isEmpty() && uncategorised.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "dead letters: "
            + expected.size()
            + " expected; missing "
            + missing.size()
            + " "
            + first(missing)
            + "; unexpected or duplicated "
            + extra.size()
            + " "
            + first(extra)
            + "; without "
            + CATEGORY_HEADER
            + " "
            + uncategorised.size());
  }

  private static List<String> first(List<String> lines) {
    return lines.subList(0, Math.min(3, lines.size()));
  }

  /** Every committed record, from the beginning to the current end. */
  private List<ConsumerRecord<byte[], byte[]>> readAll() {
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "fault-drill-model-reader",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(name, Duration.ofSeconds(30)).stream()
              .map(p -> new TopicPartition(name, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("cannot read " + name + " to its end " + end);
        }
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }

  /** One record as the dead-letter comparison sees it. */
  static String line(String key, String value) {
    return (key == null ? "<no key>" : key) + " -> " + (value == null ? "<tombstone>" : value);
  }

  private static String text(byte[] bytes) {
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }
}
