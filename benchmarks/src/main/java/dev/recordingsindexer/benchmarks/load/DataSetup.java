package dev.recordingsindexer.benchmarks.load;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;

/**
 * Makes sure the input topic holds exactly the events of the data set: reuses the topic a previous
 * run filled with the same seed, size and partition count (as {@code dataset.properties} and the
 * topic's end offsets say), otherwise recreates and fills it, timing the producer.
 */
final class DataSetup {

  /** What the topic holds, and the producer's figures when it was filled now. */
  record Filled(long events, boolean reused, double produceSeconds) {
    double producerRate() {
      return reused ? Double.NaN : events / produceSeconds;
    }
  }

  private DataSetup() {}

  static Filled ensure(Harness harness, BenchOptions options) {
    Dataset dataset = options.dataset();
    dataset.writeAccountsFile(harness.workDir().resolve("accounts.json"));
    String topic = options.get("--topic");
    Map<String, String> identity =
        Map.of(
            "seed", String.valueOf(dataset.seed()),
            "recordings", String.valueOf(dataset.recordings()),
            "partitions", options.get("--partitions"),
            "topic", topic);
    Optional<Properties> marker = Markers.read(harness.workDir(), Markers.DATASET);
    try (Admin admin = harness.admin()) {
      long present = Topics.total(Topics.endOffsets(admin, Set.of(topic)));
      if (!options.flag("--refill")
          && Markers.matches(marker, identity)
          && String.valueOf(present).equals(marker.get().getProperty("events"))) {
        System.out.printf("Reusing topic %s: %,d events of %s%n", topic, present, identity);
        return new Filled(present, true, Double.NaN);
      }
      Markers.delete(harness.workDir(), Markers.DATASET);
      Markers.delete(harness.workDir(), Markers.INDEXED);
      boolean exists = Topics.get(admin.listTopics().names()).contains(topic);
      Topics.deleteTopics(admin, exists ? Set.of(topic) : Set.of());
    }
    harness.createTopic(topic, options.integer("--partitions"));
    System.out.printf(
        "Filling %s with the events of %,d recordings%n", topic, dataset.recordings());
    long start = System.nanoTime();
    long events = harness.fill(dataset, topic, 0, dataset.recordings());
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, String> written = new HashMap<>(identity);
    written.put("events", String.valueOf(events));
    Markers.write(harness.workDir(), Markers.DATASET, written);
    System.out.printf(
        "Filled %,d events in %.1f s (%,.0f events/s)%n", events, seconds, events / seconds);
    return new Filled(events, false, seconds);
  }
}
