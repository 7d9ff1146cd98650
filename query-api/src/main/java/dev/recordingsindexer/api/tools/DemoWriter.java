package dev.recordingsindexer.api.tools;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes {@link DemoEvents} for one account to the events topic ({@code --demo}). The day of events
 * starts at yesterday's midnight UTC, so a restart on the same day rewrites identical events and
 * the listing does not change.
 */
public final class DemoWriter {

  private DemoWriter() {}

  /**
   * Writes the demo events and waits until Kafka has them all; returns how many were written.
   *
   * @throws IllegalStateException when Kafka refuses a record
   */
  public static int write(String bootstrapServers, String topic, String accountSid) {
    Instant base = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));
    List<ReplayLine> events = DemoEvents.generate(accountSid, base);
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.LINGER_MS_CONFIG,
            5);
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      for (ReplayLine event : events) {
        sent.add(producer.send(new ProducerRecord<>(topic, event.key(), event.value())));
      }
      producer.flush();
      for (Future<RecordMetadata> result : sent) {
        result.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing the demo events", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Kafka refused the demo events", e.getCause());
    }
    return events.size();
  }
}
