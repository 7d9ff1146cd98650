package dev.recordingsindexer.benchmarks.load;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/** Admin chores on topics and groups: end offsets, committed offsets, deleting what a run left. */
final class Topics {

  private Topics() {}

  /** Creates {@code topic} with {@code partitions} partitions unless it exists; true if created. */
  static boolean create(Admin admin, String topic, int partitions) {
    if (get(admin.listTopics().names()).contains(topic)) {
      return false;
    }
    get(
        admin
            .createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty())))
            .all());
    return true;
  }

  /** The end offset of every partition of {@code topics} (missing topics are skipped). */
  static Map<TopicPartition, Long> endOffsets(Admin admin, Collection<String> topics) {
    Set<String> existing = get(admin.listTopics().names());
    List<String> present = topics.stream().filter(existing::contains).toList();
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    get(admin.describeTopics(present).allTopicNames())
        .forEach(
            (name, description) ->
                description
                    .partitions()
                    .forEach(
                        p ->
                            request.put(
                                new TopicPartition(name, p.partition()), OffsetSpec.latest())));
    Map<TopicPartition, ListOffsetsResultInfo> offsets = get(admin.listOffsets(request).all());
    return offsets.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }

  static long total(Map<TopicPartition, Long> offsets) {
    return offsets.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The committed offsets of {@code group} (empty when it has none). */
  static Map<TopicPartition, Long> committed(Admin admin, String group) {
    Map<TopicPartition, OffsetAndMetadata> offsets =
        get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
    Map<TopicPartition, Long> result = new HashMap<>();
    offsets.forEach((tp, om) -> result.put(tp, om == null ? 0L : om.offset()));
    return result;
  }

  /** Deletes {@code group} and every topic whose name starts with {@code prefix}; waits. */
  static void deleteApplication(Admin admin, String group, String prefix) {
    try {
      admin.deleteConsumerGroups(List.of(group)).all().get(60, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException | InterruptedException e) {
      // no such group (first run) is fine
    }
    Set<String> internal =
        get(admin.listTopics().names()).stream()
            .filter(t -> t.startsWith(prefix))
            .collect(Collectors.toSet());
    deleteTopics(admin, internal);
  }

  static void deleteTopics(Admin admin, Set<String> topics) {
    if (topics.isEmpty()) {
      return;
    }
    get(admin.deleteTopics(topics).all());
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      Set<String> left = get(admin.listTopics().names());
      if (topics.stream().noneMatch(left::contains)) {
        return;
      }
      Processes.sleep(Duration.ofMillis(200));
    }
    throw new IllegalStateException("topics still exist after deletion: " + topics);
  }

  static <T> T get(KafkaFuture<T> future) {
    try {
      return future.get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("admin request failed", e);
    }
  }
}
