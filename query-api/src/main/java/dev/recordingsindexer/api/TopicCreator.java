package dev.recordingsindexer.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the input and dead-letter topics when they are missing, with the configured partition
 * count and the cluster's default replication factor, and reads the partition count of the input
 * topic as it is. Existing topics are left as they are (a topic created concurrently by another
 * instance counts as existing).
 */
final class TopicCreator {

  private static final Logger LOG = LoggerFactory.getLogger(TopicCreator.class);
  private static final long TIMEOUT_MS = 60_000;

  private TopicCreator() {}

  /**
   * Ensures {@code topics} exist and returns the partition count of the first (the input topic),
   * which fixes where every recording SID's state lives.
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
              .map(t -> new NewTopic(t, Optional.of(partitions), Optional.empty()))
              .toList();
      if (!missing.isEmpty()) {
        create(admin, missing, partitions);
      }
      String input = topics.get(0);
      return admin
          .describeTopics(List.of(input))
          .allTopicNames()
          .get(TIMEOUT_MS, TimeUnit.MILLISECONDS)
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
