package dev.recordingsindexer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.recordingsindexer.indexer.store.IndexBuilds;
import dev.recordingsindexer.indexer.store.RecordingReader;
import dev.recordingsindexer.indexer.store.RecordingStores;
import dev.recordingsindexer.indexer.store.TestStoreContext;
import java.io.File;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.processor.StateStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamsReadinessTest {

  private final StreamsReadiness readiness = new StreamsReadiness(() -> {});
  private final AtomicReference<Map<MetricName, Metric>> metrics = new AtomicReference<>(Map.of());

  @BeforeEach
  void setUp() {
    readiness.watch(metrics::get);
    readiness.onChange(KafkaStreams.State.RUNNING, KafkaStreams.State.REBALANCING);
  }

  @Test
  void shouldBeReadyWhenRunningRestoredAndHeartbeatingRecently() {
    metrics.set(heartbeats(2.0, 0.0));

    assertThat(readiness.whyNotReady()).isEmpty();
  }

  @Test
  void shouldNotBeReadyWhileAStorePartitionRestores() {
    readiness.onRestoreStart(new TopicPartition("changelog", 3), "recordings", 0, 10);

    assertThat(readiness.whyNotReady()).contains("1 store partition(s) restoring");

    readiness.onRestoreEnd(new TopicPartition("changelog", 3), "recordings", 10);
    assertThat(readiness.whyNotReady()).isEmpty();
  }

  @Test
  void shouldNotBeReadyUntilARestoredStoreHasBuiltItsIndexes(@TempDir File stateDir) {
    IndexBuilds builds = new IndexBuilds();
    StreamsReadiness building = running(builds);
    // An active task's empty store restores without its indexes.
    StateStore store = RecordingStores.builder(builds).withLoggingDisabled().build();
    store.init(new TestStoreContext(stateDir).active(true), store);
    try {
      assertThat(building.whyNotReady()).contains("1 store partition(s) building their indexes");
      TopicPartition changelog = new TopicPartition("app-recordings-changelog", 0);
      building.onRestoreStart(changelog, store.name(), 0, 0);
      assertThat(building.whyNotReady()).contains("1 store partition(s) restoring");

      building.onRestoreEnd(changelog, store.name(), 0);

      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> assertThat(building.whyNotReady()).isEmpty());
      assertThat(builds.unbuilt()).isZero();
    } finally {
      store.close();
    }
  }

  @Test
  void shouldNotWaitForTheIndexesOfAStoreWhoseTaskTurnedIntoAStandbyAndBuildThemForIt(
      @TempDir File stateDir) {
    IndexBuilds builds = new IndexBuilds();
    StreamsReadiness building = running(builds);
    StateStore store = RecordingStores.builder(builds).withLoggingDisabled().build();
    TestStoreContext context = new TestStoreContext(stateDir).active(true);
    store.init(context, store);
    try {
      assertThat(building.whyNotReady()).contains("1 store partition(s) building their indexes");

      // A rebalance recycles the task into a standby before its restore ended.
      context.active(false);
      assertThat(building.whyNotReady()).isEmpty();

      building.onUpdateStart(new TopicPartition("app-recordings-changelog", 0), store.name(), 0);
      RecordingReader recordings = (RecordingReader) store;
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> assertThat(recordings.approximateCount()).isZero());
    } finally {
      store.close();
    }
  }

  @Test
  void shouldForgetARestorationSuspendedBecauseItsTaskMoved() {
    readiness.onRestoreStart(
        new TopicPartition("app-recordings-changelog", 12), "recordings", 0, 9);
    assertThat(readiness.whyNotReady()).contains("1 store partition(s) restoring");

    readiness.onRestoreSuspended(
        new TopicPartition("app-recordings-changelog", 12), "recordings", 4);
    assertThat(readiness.whyNotReady()).isEmpty();
  }

  @Test
  void shouldNotBeReadyWhenAConsumerHasNotHeartbeatedForLongerThanTheLimit() {
    metrics.set(heartbeats(1.0, StreamsReadiness.HEARTBEAT_SILENCE_LIMIT_S + 1));

    assertThat(readiness.whyNotReady())
        .hasValueSatisfying(reason -> assertThat(reason).contains("no group heartbeat"));
  }

  @Test
  void shouldIgnoreConsumersThatHaveNotJoinedAGroupYet() {
    metrics.set(heartbeats(Double.NaN));

    assertThat(readiness.whyNotReady()).isEmpty();
  }

  @Test
  void shouldNotBeReadyUnlessRunning() {
    readiness.onChange(KafkaStreams.State.REBALANCING, KafkaStreams.State.RUNNING);

    assertThat(readiness.whyNotReady()).contains("streams REBALANCING");
  }

  /** A readiness over {@code builds}, streams RUNNING, heartbeats as {@link #metrics} says. */
  private StreamsReadiness running(IndexBuilds builds) {
    StreamsReadiness running = new StreamsReadiness(() -> {}, builds);
    running.watch(metrics::get);
    running.onChange(KafkaStreams.State.RUNNING, KafkaStreams.State.REBALANCING);
    return running;
  }

  private static Map<MetricName, Metric> heartbeats(double... secondsAgo) {
    Map<MetricName, Metric> metrics = new java.util.HashMap<>();
    for (int i = 0; i < secondsAgo.length; i++) {
      MetricName name =
          new MetricName(
              "last-heartbeat-seconds-ago",
              "consumer-coordinator-metrics",
              "",
              Map.of("client-id", "thread-" + i + "-consumer"));
      double value = secondsAgo[i];
      metrics.put(name, metric(name, value));
    }
    metrics.put(
        new MetricName("commit-rate", "consumer-coordinator-metrics", "", Map.of()),
        metric(null, 1e9));
    return metrics;
  }

  private static Metric metric(MetricName name, double value) {
    return new Metric() {
      @Override
      public MetricName metricName() {
        return name;
      }

      @Override
      public Object metricValue() {
        return value;
      }
    };
  }
}
