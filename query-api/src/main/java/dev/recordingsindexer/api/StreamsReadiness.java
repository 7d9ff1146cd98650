package dev.recordingsindexer.api;

import dev.recordingsindexer.api.http.Readiness;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * Ready means: the streams client is RUNNING and no local store partition is restoring. Kafka
 * Streams reports RUNNING while its state updater still restores stores, so the restore callbacks
 * are tracked too. Thread-safe: callbacks come from stream and restore threads, questions from HTTP
 * threads.
 */
final class StreamsReadiness
    implements Readiness, KafkaStreams.StateListener, StateRestoreListener {

  private final Set<String> restoring = ConcurrentHashMap.newKeySet();
  private final Runnable onError;
  private volatile KafkaStreams.State state = KafkaStreams.State.CREATED;

  StreamsReadiness(Runnable onError) {
    this.onError = onError;
  }

  @Override
  public Optional<String> whyNotReady() {
    KafkaStreams.State now = state;
    if (now != KafkaStreams.State.RUNNING) {
      return Optional.of("streams " + now);
    }
    int count = restoring.size();
    return count == 0 ? Optional.empty() : Optional.of(count + " store partition(s) restoring");
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
    restoring.remove(store + "/" + partition);
  }

  @Override
  public void onRestoreSuspended(TopicPartition partition, String store, long totalRestored) {
    restoring.remove(store + "/" + partition);
  }
}
