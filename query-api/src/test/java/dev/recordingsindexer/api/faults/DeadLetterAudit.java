package dev.recordingsindexer.api.faults;

import dev.recordingsindexer.indexer.topology.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Checks the dead-letter topic record by record against the bad records written, matched by the
 * source coordinates (topic, partition, offset) each dead letter names in its headers: every bad
 * record there exactly once, with its key, value and headers unchanged (the original headers first,
 * in order), a reason and a category, and not cut (except the {@link HostileRecords#OVERSIZED} one,
 * which must be); nothing else there. Reads the topic once, read-committed, so an aborted
 * transaction's dead letters never count.
 */
final class DeadLetterAudit {

  /** A bad record as written and where it landed. */
  record Written(
      String kind, int partition, long offset, byte[] key, byte[] value, Header[] headers) {}

  /** The outcome: every list empty means the topic holds exactly the bad records. */
  record Findings(
      int deadLetters,
      long bytes,
      List<String> missing,
      List<String> duplicated,
      List<String> unexpected,
      List<String> changed) {

    boolean exact() {
      return missing.isEmpty() && duplicated.isEmpty() && unexpected.isEmpty() && changed.isEmpty();
    }

    String summary() {
      return String.format(
          "%d dead letters (%d MB); missing %d %s; duplicated %d %s; unexpected %d %s; changed %d"
              + " %s",
          deadLetters,
          bytes / 1_000_000,
          missing.size(),
          first(missing),
          duplicated.size(),
          first(duplicated),
          unexpected.size(),
          first(unexpected),
          changed.size(),
          first(changed));
    }

    private static List<String> first(List<String> lines) {
      return lines.subList(0, Math.min(5, lines.size()));
    }
  }

  private final String bootstrapServers;
  private final String inputTopic;
  private final String deadLetterTopic;

  DeadLetterAudit(String bootstrapServers, String inputTopic, String deadLetterTopic) {
    this.bootstrapServers = bootstrapServers;
    this.inputTopic = inputTopic;
    this.deadLetterTopic = deadLetterTopic;
  }

  Findings audit(List<Written> bad) {
    Map<String, Written> expected = new HashMap<>();
    bad.forEach(w -> expected.put(coordinates(inputTopic, w.partition(), w.offset()), w));
    Map<String, Integer> seen = new HashMap<>();
    List<String> unexpected = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    long[] bytes = {0};
    int[] count = {0};
    readAll(
        record -> {
          count[0]++;
          bytes[0] += size(record);
          String at =
              coordinates(
                  text(record, DeadLetterHeaders.TOPIC),
                  parse(text(record, DeadLetterHeaders.PARTITION)),
                  parse(text(record, DeadLetterHeaders.OFFSET)));
          Written written = expected.get(at);
          if (written == null) {
            unexpected.add(at + " (" + text(record, DeadLetterHeaders.MESSAGE) + ")");
            return;
          }
          if (seen.merge(at, 1, Integer::sum) == 1) {
            difference(written, record)
                .ifPresent(d -> changed.add(at + " " + written.kind() + ": " + d));
          }
        });
    List<String> missing = new ArrayList<>();
    List<String> duplicated = new ArrayList<>();
    expected.forEach(
        (at, written) -> {
          int times = seen.getOrDefault(at, 0);
          if (times == 0) {
            missing.add(at + " " + written.kind());
          } else if (times > 1) {
            duplicated.add(at + " " + written.kind() + " x" + times);
          }
        });
    return new Findings(count[0], bytes[0], missing, duplicated, unexpected, changed);
  }

  private static Optional<String> difference(
      Written written, ConsumerRecord<byte[], byte[]> record) {
    if (!Arrays.equals(written.key(), record.key())) {
      return Optional.of("key differs");
    }
    if (written.kind().equals(HostileRecords.OVERSIZED)) {
      return cutToFit(written, record);
    }
    if (!Arrays.equals(written.value(), record.value())) {
      return Optional.of(
          "value differs ("
              + (written.value() == null ? -1 : written.value().length)
              + " bytes written, "
              + (record.value() == null ? -1 : record.value().length)
              + " dead-lettered)");
    }
    Header[] headers = record.headers().toArray();
    if (headers.length < written.headers().length) {
      return Optional.of("original headers lost");
    }
    for (int i = 0; i < written.headers().length; i++) {
      Header original = written.headers()[i];
      if (!original.key().equals(headers[i].key())
          || !Arrays.equals(original.value(), headers[i].value())) {
        return Optional.of("original header " + i + " (" + original.key() + ") differs");
      }
    }
    String message = text(record, DeadLetterHeaders.MESSAGE);
    if (message == null || message.isBlank()) {
      return Optional.of("no reason");
    }
    if (text(record, DeadLetterHeaders.CATEGORY) == null) {
      return Optional.of("no category");
    }
    if (record.headers().lastHeader(DeadLetterHeaders.TRUNCATED) != null) {
      return Optional.of("truncated");
    }
    return Optional.empty();
  }

  /** A record too large to dead-letter whole: its value's beginning, and a header saying so. */
  private static Optional<String> cutToFit(Written written, ConsumerRecord<byte[], byte[]> record) {
    byte[] value = record.value();
    if (record.headers().lastHeader(DeadLetterHeaders.TRUNCATED) == null) {
      return Optional.of("no " + DeadLetterHeaders.TRUNCATED + " header");
    }
    if (value == null
        || value.length == 0
        || value.length >= written.value().length
        || !Arrays.equals(value, Arrays.copyOf(written.value(), value.length))) {
      return Optional.of("the value is not the beginning of the original");
    }
    return text(record, DeadLetterHeaders.MESSAGE) == null
        ? Optional.of("no reason")
        : Optional.empty();
  }

  private void readAll(Consumer<ConsumerRecord<byte[], byte[]>> each) {
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG,
                "dead-letter-soak-audit",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                2_000),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(deadLetterTopic, Duration.ofSeconds(30)).stream()
              .map(p -> new TopicPartition(deadLetterTopic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("cannot read " + deadLetterTopic + " to its end " + end);
        }
        consumer.poll(Duration.ofMillis(200)).forEach(each);
      }
    }
  }

  private static long size(ConsumerRecord<byte[], byte[]> record) {
    long size = Math.max(0, record.serializedKeySize()) + Math.max(0, record.serializedValueSize());
    for (Header header : record.headers()) {
      size += header.key().length() + (header.value() == null ? 0 : header.value().length);
    }
    return size;
  }

  private static String coordinates(String topic, long partition, long offset) {
    return topic + "-" + partition + "@" + offset;
  }

  private static long parse(String number) {
    try {
      return number == null ? -2 : Long.parseLong(number);
    } catch (NumberFormatException e) {
      return -3;
    }
  }

  private static String text(ConsumerRecord<byte[], byte[]> record, String header) {
    Header last = record.headers().lastHeader(header);
    return last == null || last.value() == null
        ? null
        : new String(last.value(), StandardCharsets.UTF_8);
  }
}
