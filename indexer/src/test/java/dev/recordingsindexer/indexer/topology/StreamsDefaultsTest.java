package dev.recordingsindexer.indexer.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

class StreamsDefaultsTest {

  private final IndexerSettings settings = IndexerSettings.defaults();

  @Test
  void shouldOnlyUseSettingsStreamsConfigKnows() {
    Map<String, Object> defaults = RecordingsTopology.streamsDefaults(settings);
    Properties props = new Properties();
    props.putAll(defaults);
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "app");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");

    StreamsConfig config = new StreamsConfig(props);

    assertThat(StreamsConfig.configDef().names())
        .containsAll(
            defaults.keySet().stream()
                .filter(key -> !key.startsWith(StreamsConfig.RESTORE_CONSUMER_PREFIX))
                .toList());
    assertThat(
            config.getRestoreConsumerConfigs("client").get(ConsumerConfig.MAX_POLL_RECORDS_CONFIG))
        .isEqualTo(RecordingsTopology.RESTORE_BATCH_RECORDS);
    assertThat(config.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
        .isEqualTo("exactly_once_v2");
    assertThat(config.getString(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG))
        .isEqualTo("recording-events-dlq");
    assertThat(config.getString(StreamsConfig.GROUP_PROTOCOL_CONFIG)).isEqualTo("classic");
    // Never idle waiting for one of the fold's two inputs: it stalled indexing for a third of the
    // time.
    assertThat(config.getLong(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG)).isEqualTo(-1L);
  }

  @Test
  void shouldNameTheRepartitionTopicAndTheStoreExplicitly() {
    TopologyDescription description =
        RecordingsTopology.build(settings, IndexerListener.NONE, 6).describe();

    assertThat(description.toString())
        .contains("recordings-by-sid-repartition")
        .contains("stores: [recordings]")
        .contains("--> write-dead-letters")
        .doesNotContain("KSTREAM-");
  }
}
