package dev.recordingsindexer.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recordingsindexer.indexer.topology.RecordLimits;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

/** The topics the service creates or finds, on a real broker. */
class TopicCreatorIT {

  private final String bootstrap = KafkaFixture.bootstrapServers();
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void shouldCreateTheDeadLetterTopicTakingTheLargestDeadLetterAndTheInputWithTheDefault()
      throws Exception {
    String input = "events-" + run;
    String deadLetters = "dlq-" + run;

    int partitions = TopicCreator.ensure(bootstrap, List.of(input, deadLetters), 3);

    assertThat(partitions).isEqualTo(3);
    assertThat(maxMessageBytes(deadLetters))
        .isEqualTo(Integer.toString(RecordLimits.MAX_RECORD_BYTES));
    assertThat(maxMessageBytes(input)).isEqualTo("1048588");
  }

  @Test
  void shouldRaiseTheLimitOfAnExistingDeadLetterTopicThatWouldRefuseLargeDeadLetters()
      throws Exception {
    String input = "events-" + run;
    String deadLetters = "dlq-" + run;
    try (Admin admin = admin()) {
      admin
          .createTopics(List.of(new NewTopic(deadLetters, 1, (short) 1)))
          .all()
          .get(1, TimeUnit.MINUTES);
    }

    TopicCreator.ensure(bootstrap, List.of(input, deadLetters), 3);

    assertThat(maxMessageBytes(deadLetters))
        .isEqualTo(Integer.toString(RecordLimits.MAX_RECORD_BYTES));
  }

  private String maxMessageBytes(String topic) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    try (Admin admin = admin()) {
      return admin
          .describeConfigs(List.of(resource))
          .all()
          .get(1, TimeUnit.MINUTES)
          .get(resource)
          .get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG)
          .value();
    }
  }

  private Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
  }
}
