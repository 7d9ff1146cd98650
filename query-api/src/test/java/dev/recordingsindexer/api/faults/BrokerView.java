package dev.recordingsindexer.api.faults;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.core.ConditionTimeoutException;

/**
 * What the broker knows of the service: the transactions now open, the partitions whose last stable
 * offset trails the high watermark (an open or hanging transaction), the input offsets the service
 * committed, and the members of its group. Closes its admin client on {@link #close}.
 */
final class BrokerView implements AutoCloseable {

  private final Admin admin;

  BrokerView(String bootstrapServers) {
    this.admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG,
                "fault-drill-transactions",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                15_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                20_000));
  }

  /** The transactional ids starting with {@code prefix} whose transaction is open now. */
  List<String> ongoing(String prefix) {
    List<String> open = new ArrayList<>();
    for (TransactionListing listing : get(admin.listTransactions().all())) {
      if (listing.transactionalId().startsWith(prefix)
          && listing.state() == TransactionState.ONGOING) {
        open.add(listing.transactionalId());
      }
    }
    return open;
  }

  /**
   * The partitions of {@code topics} whose end offset read committed (the last stable offset)
   * differs from the one read uncommitted (the high watermark), with both values.
   */
  Map<TopicPartition, String> unstable(List<String> topics) {
    Map<String, TopicDescription> described = get(admin.describeTopics(topics).allTopicNames());
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    described
        .values()
        .forEach(
            d ->
                d.partitions()
                    .forEach(
                        p ->
                            latest.put(
                                new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
    Map<TopicPartition, ListOffsetsResultInfo> committed =
        get(admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all());
    Map<TopicPartition, ListOffsetsResultInfo> uncommitted =
        get(
            admin
                .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
                .all());
    Map<TopicPartition, String> unstable = new HashMap<>();
    for (TopicPartition partition : latest.keySet()) {
      long stable = committed.get(partition).offset();
      long high = uncommitted.get(partition).offset();
      if (stable != high) {
        unstable.put(partition, "last stable offset " + stable + " < high watermark " + high);
      }
    }
    return unstable;
  }

  /**
   * Waits until no partition of {@code topics} has an open transaction: every transaction the
   * service began (those of killed or fenced processes included) ended, committed or aborted.
   * Returns how long that took.
   *
   * @throws AssertionError naming the unstable partitions when {@code atMost} passes
   */
  Duration awaitSettled(List<String> topics, Duration atMost) {
    long start = System.nanoTime();
    AtomicReference<Map<TopicPartition, String>> last = new AtomicReference<>(Map.of());
    try {
      await("no open transaction on " + topics)
          .atMost(atMost)
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                last.set(unstable(topics));
                return last.get().isEmpty();
              });
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("hanging transactions: " + last.get(), e);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** The committed offsets of group {@code groupId} behind the end of {@code topic}. */
  Map<TopicPartition, String> lagging(String groupId, String topic) {
    Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> offsets =
        get(admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata());
    TopicDescription description =
        get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic);
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    description
        .partitions()
        .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
    Map<TopicPartition, ListOffsetsResultInfo> ends = get(admin.listOffsets(latest).all());
    Map<TopicPartition, String> lagging = new HashMap<>();
    ends.forEach(
        (partition, end) -> {
          var committed = offsets.get(partition);
          long at = committed == null ? -1 : committed.offset();
          if (at != end.offset()) {
            lagging.put(partition, "committed " + at + " of " + end.offset());
          }
        });
    return lagging;
  }

  /**
   * The members of consumer group {@code groupId} whose client id contains {@code clientIdPart},
   * each with how many partitions it is assigned.
   */
  Map<String, Integer> members(String groupId, String clientIdPart) {
    Map<String, Integer> members = new HashMap<>();
    ConsumerGroupDescription group =
        get(admin.describeConsumerGroups(List.of(groupId)).describedGroups().get(groupId));
    for (MemberDescription member : group.members()) {
      if (member.clientId().contains(clientIdPart)) {
        members.put(member.clientId(), member.assignment().topicPartitions().size());
      }
    }
    return members;
  }

  private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
    try {
      return future.get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking the broker", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the broker did not answer", e);
    }
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(10));
  }
}
