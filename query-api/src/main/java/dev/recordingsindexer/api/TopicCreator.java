package dev.recordingsindexer.api;

import dev.recordingsindexer.indexer.topology.RecordLimits;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the input and dead-letter topics when they are missing, with the configured partition
 * count and the cluster's default replication factor, and reads the partition count of the input
 * topic as it is. The dead-letter topic is created accepting records of up to {@link
 * RecordLimits#MAX_RECORD_BYTES}, so that any input record can be dead-lettered unchanged, and an
 * existing one taking less is raised to it; the input topic gets the cluster's default limit (raise
 * it on the topic to accept larger events, up to a little below that). Existing topics are left as
 * they are otherwise (a topic created concurrently by another instance counts as existing).
 */
final class TopicCreator {

  private static final Logger LOG = LoggerFactory.getLogger(TopicCreator.class);
  private static final long TIMEOUT_MS = 60_000;
  private static final long UNKNOWN_TOPIC_RETRY_MS = 100;

  private TopicCreator() {}

  /**
   * Ensures {@code topics} exist and returns the partition count of the first (the input topic),
   * which fixes where every recording SID's state lives; the others are dead-letter topics.
   */
  static int ensure(String bootstrapServers, List<String> topics, int partitions) {
    Map<String, Object> config =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
            (int) TIMEOUT_MS);
    try (Admin admin = Admin.create(config)) {
      Set<String> existing = admin.listTopics().names().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
      List<NewTopic> missing =
          topics.stream()
              .filter(t -> !existing.contains(t))
              .map(t -> newTopic(t, partitions, !t.equals(topics.get(0))))
              .toList();
      if (!missing.isEmpty()) {
        create(admin, missing, partitions);
      }
      String input = topics.get(0);
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
      raiseIfTooSmall(admin, topics.subList(1, topics.size()), deadline);
      return onceKnown(deadline, () -> admin.describeTopics(List.of(input)).allTopicNames())
          .get(input)
          .partitions()
          .size();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics " + topics, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "cannot create topics " + topics + " on " + bootstrapServers, e);
    }
  }

  /**
   * Raises the record size limit of a dead-letter topic (created by someone else, or by an earlier
   * version) that would refuse records the service may write: such a write fails, and under
   * exactly-once its transaction with it, which stops the streams client, again after every
   * restart. When the limit cannot be raised (no permission), says what to do and goes on.
   */
  private static void raiseIfTooSmall(Admin admin, List<String> deadLetterTopics, long deadline)
      throws InterruptedException, ExecutionException, TimeoutException {
    List<ConfigResource> resources =
        deadLetterTopics.stream()
            .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t))
            .toList();
    Map<ConfigResource, Config> configs =
        onceKnown(deadline, () -> admin.describeConfigs(resources).all());
    for (Map.Entry<ConfigResource, Config> topic : configs.entrySet()) {
      ConfigEntry limit = topic.getValue().get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
      if (limit == null || Long.parseLong(limit.value()) >= RecordLimits.MAX_RECORD_BYTES) {
        continue;
      }
      String wanted = Integer.toString(RecordLimits.MAX_RECORD_BYTES);
      try {
        admin
            .incrementalAlterConfigs(
                Map.of(
                    topic.getKey(),
                    List.of(
                        new AlterConfigOp(
                            new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, wanted),
                            AlterConfigOp.OpType.SET))))
            .all()
            .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        LOG.warn(
            "Raised {} of the dead-letter topic {} from {} to {}, so that any bad record fits",
            TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
            topic.getKey().name(),
            limit.value(),
            wanted);
      } catch (ExecutionException e) {
        LOG.error(
            "The dead-letter topic {} takes records of at most {} bytes and its {} cannot be"
                + " raised to {}; a larger bad record will stop the service. Raise it.",
            topic.getKey().name(),
            limit.value(),
            TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
            wanted,
            e.getCause());
      }
    }
  }

  /**
   * The result of a describe call, asked again while the broker answering it does not know the
   * topics yet: a topic just created reaches every broker's metadata a moment after the create
   * returns, and a describe in between fails with {@link UnknownTopicOrPartitionException}.
   */
  static <T> T onceKnown(long deadlineNanos, Supplier<KafkaFuture<T>> describe)
      throws InterruptedException, ExecutionException, TimeoutException {
    while (true) {
      long left = deadlineNanos - System.nanoTime();
      try {
        return describe.get().get(Math.max(left, 0), TimeUnit.NANOSECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || left <= 0) {
          throw e;
        }
        Thread.sleep(UNKNOWN_TOPIC_RETRY_MS);
      }
    }
  }

  /** The topic to create; a dead-letter topic accepts the largest record the service writes. */
  static NewTopic newTopic(String name, int partitions, boolean deadLetters) {
    NewTopic topic = new NewTopic(name, Optional.of(partitions), Optional.empty());
    return deadLetters
        ? topic.configs(
            Map.of(
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                Integer.toString(RecordLimits.MAX_RECORD_BYTES)))
        : topic;
  }

  private static void create(Admin admin, List<NewTopic> missing, int partitions)
      throws InterruptedException, ExecutionException, TimeoutException {
    try {
      admin
          .createTopics(missing, new CreateTopicsOptions())
          .all()
          .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
      LOG.info("Created topics {} with {} partitions", missing, partitions);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
      LOG.info("Topics were created concurrently: {}", e.getCause().getMessage());
    }
  }
}
