package dev.recordingsindexer.api;

import dev.recordingsindexer.api.http.Readiness;
import dev.recordingsindexer.indexer.store.IndexBuilds;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.processor.StandbyUpdateListener;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.apache.kafka.streams.processor.TaskId;

/**
 * Ready means: the streams client is RUNNING, no local store partition is restoring or building its
 * indexes after a restore, and the group coordinator heard from this instance lately. Kafka Streams
 * reports RUNNING while its state updater still restores stores, so the restore callbacks are
 * tracked too, and {@link IndexBuilds} counts the builds; and it stays RUNNING while the brokers
 * are unreachable (an outage, a network partition, a long pause), answering from stores that no
 * longer advance and whose partitions may already belong to another instance, so the age of the
 * consumers' last group heartbeat is checked as well (see {@link #watch}). As the standby update
 * listener it tells {@link IndexBuilds} when a standby starts updating a store, which builds the
 * indexes an active task left unbuilt before a rebalance turned it into that standby. Thread-safe:
 * callbacks come from stream and restore threads, questions from HTTP threads.
 */
final class StreamsReadiness
    implements Readiness, KafkaStreams.StateListener, StateRestoreListener, StandbyUpdateListener {

  /**
   * How long without a group heartbeat counts as cut off from the brokers: five heartbeat intervals
   * (3 s by default), a third of the session timeout after which the group drops this instance.
   */
  static final double HEARTBEAT_SILENCE_LIMIT_S = 15;

  private static final String LAST_HEARTBEAT = "last-heartbeat-seconds-ago";

  private final Set<String> restoring = ConcurrentHashMap.newKeySet();
  private final Runnable onError;
  private final IndexBuilds indexBuilds;
  private volatile KafkaStreams.State state = KafkaStreams.State.CREATED;
  private volatile Supplier<Map<MetricName, ? extends Metric>> metrics = Map::of;

  StreamsReadiness(Runnable onError) {
    this(onError, new IndexBuilds());
  }

  /** Also tells {@code indexBuilds} when a store's restore ends. */
  StreamsReadiness(Runnable onError, IndexBuilds indexBuilds) {
    this.onError = onError;
    this.indexBuilds = indexBuilds;
  }

  /** Checks the group heartbeats of {@code streams}' consumers from now on. */
  void watch(KafkaStreams streams) {
    watch(streams::metrics);
  }

  /** Checks the {@value #LAST_HEARTBEAT} metrics {@code source} answers from now on. */
  void watch(Supplier<Map<MetricName, ? extends Metric>> source) {
    metrics = source;
  }

  @Override
  public Optional<String> whyNotReady() {
    KafkaStreams.State now = state;
    if (now != KafkaStreams.State.RUNNING) {
      return Optional.of("streams " + now);
    }
    int count = restoring.size();
    if (count > 0) {
      return Optional.of(count + " store partition(s) restoring");
    }
    int unbuilt = indexBuilds.unbuilt();
    if (unbuilt > 0) {
      return Optional.of(unbuilt + " store partition(s) building their indexes");
    }
    double silence = longestHeartbeatSilence(metrics.get());
    return silence > HEARTBEAT_SILENCE_LIMIT_S
        ? Optional.of("no group heartbeat to the Kafka brokers for " + (long) silence + " s")
        : Optional.empty();
  }

  /** The largest {@value #LAST_HEARTBEAT} over the consumers that report it (NaN: not yet). */
  static double longestHeartbeatSilence(Map<MetricName, ? extends Metric> metrics) {
    double longest = 0;
    for (Map.Entry<MetricName, ? extends Metric> metric : metrics.entrySet()) {
      if (metric.getKey().name().equals(LAST_HEARTBEAT)
          && metric.getValue().metricValue() instanceof Double seconds
          && !seconds.isNaN()) {
        longest = Math.max(longest, seconds);
      }
    }
    return longest;
  }

  @Override
  public void onChange(KafkaStreams.State newState, KafkaStreams.State oldState) {
    state = newState;
    if (newState == KafkaStreams.State.ERROR) {
      onError.run();
    }
  }

  @Override
  public void onRestoreStart(TopicPartition partition, String store, long start, long end) {
    restoring.add(store + "/" + partition);
  }

  @Override
  public void onBatchRestored(TopicPartition partition, String store, long end, long count) {}

  @Override
  public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
    // Starts building a store's deferred indexes; not ready until built (see whyNotReady).
    indexBuilds.restoreEnded(store, partition.partition());
    restoring.remove(store + "/" + partition);
  }

  @Override
  public void onRestoreSuspended(TopicPartition partition, String store, long totalRestored) {
    restoring.remove(store + "/" + partition);
  }

  @Override
  public void onUpdateStart(TopicPartition partition, String store, long startingOffset) {
    indexBuilds.standbyUpdateStarted(store, partition.partition());
  }

  @Override
  public void onBatchLoaded(
      TopicPartition partition,
      String store,
      TaskId task,
      long batchEndOffset,
      long batchSize,
      long currentEndOffset) {}

  @Override
  public void onUpdateSuspended(
      TopicPartition partition,
      String store,
      long storeOffset,
      long currentEndOffset,
      SuspendReason reason) {}
}
