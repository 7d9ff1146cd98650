package dev.recordingsindexer.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recordingsindexer.api.config.ServiceConfig;
import dev.recordingsindexer.indexer.topology.RecordLimits;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/**
 * The service lets a dead letter be as large as {@link RecordLimits#MAX_RECORD_BYTES}: its producer
 * may send it, the dead-letter and internal topics it creates accept it, the input topic keeps the
 * cluster's default.
 */
class DeadLetterSizeLimitsTest {

  @Test
  void shouldLetTheStreamsProducerAndInternalTopicsCarryTheLargestDeadLetter() {
    Map<String, Object> props =
        StreamsProperties.of(ServiceConfig.fromEnvironment(Map.of()), "localhost:9092");

    StreamsConfig config = new StreamsConfig(props);

    assertThat(config.getProducerConfigs("client").get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG))
        .isEqualTo(RecordLimits.MAX_RECORD_BYTES);
    assertThat(props)
        .containsEntry(
            StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG),
            Integer.toString(RecordLimits.MAX_RECORD_BYTES));
  }

  @Test
  void shouldCreateTheDeadLetterTopicAcceptingTheLargestDeadLetterAndLeaveTheInputAlone() {
    NewTopic deadLetters = TopicCreator.newTopic("dlq", 6, true);
    NewTopic input = TopicCreator.newTopic("events", 6, false);

    assertThat(deadLetters.configs())
        .containsEntry(
            TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(RecordLimits.MAX_RECORD_BYTES));
    assertThat(deadLetters.numPartitions()).isEqualTo(6);
    assertThat(Optional.ofNullable(input.configs()).orElse(Map.of())).isEmpty();
  }
}
