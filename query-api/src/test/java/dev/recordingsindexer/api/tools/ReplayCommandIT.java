package dev.recordingsindexer.api.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recordingsindexer.api.KafkaFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay tool writes every good line of a JSON-lines file to the topic and names the rest. */
class ReplayCommandIT {

  private static final String SID = "RT0000000000000000000000000000000e";
  private static final String EVENT =
      "{\"event_type\":\"recording-started\",\"timestamp\":\"2026-01-01T10:00:00Z\","
          + "\"account_sid\":\"AC11111111111111111111111111111111\",\"recording_sid\":\""
          + SID
          + "\"}";

  @TempDir Path dir;

  @Test
  void shouldWriteEveryGoodLineInFileOrderAndReportTheRejectedOnesByLineNumber() throws Exception {
    String topic = "replay-" + UUID.randomUUID();
    createTopic(topic);
    Path file = dir.resolve("events.jsonl");
    Files.writeString(
        file,
        String.join(
            "\n",
            "{\"key\": \"" + SID + "\", \"value\": " + EVENT + "}",
            "{\"key\": \"RMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\", \"value\": \"not json, sent as is\"}",
            "this line is not JSON",
            "",
            EVENT,
            "{\"key\": \"" + SID + "\", \"value\": null}",
            "[1, 2]"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int exit =
        ReplayCommand.run(
            List.of("--file", file.toString(), "--topic", topic),
            Map.of("KAFKA_BOOTSTRAP_SERVERS", KafkaFixture.bootstrapServers()),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    String summary = out.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(summary + err).isEqualTo(3);
    assertThat(summary).contains("4").contains("line 3").contains("line 7");
    List<ConsumerRecord<String, String>> written = readAll(topic, 4);
    assertThat(written)
        .extracting(ConsumerRecord::key)
        .containsExactly(SID, "RMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", SID, SID);
    assertThat(written.get(0).value()).contains("\"recording_sid\":\"" + SID + "\"");
    assertThat(written.get(1).value()).isEqualTo("not json, sent as is");
    assertThat(written.get(2).value()).isEqualTo(EVENT);
    assertThat(written.get(3).value()).as("a null value is a tombstone").isNull();
  }

  @Test
  void shouldFailWithoutWritingWhenTheFileCannotBeRead() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int exit =
        ReplayCommand.run(
            List.of("--file", dir.resolve("missing.jsonl").toString()),
            Map.of("KAFKA_BOOTSTRAP_SERVERS", KafkaFixture.bootstrapServers()),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read");
  }

  private static void createTopic(String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", KafkaFixture.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
  }

  private static List<ConsumerRecord<String, String>> readAll(String topic, int expected) {
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of("bootstrap.servers", KafkaFixture.bootstrapServers()),
            new StringDeserializer(),
            new StringDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (records.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }
}
