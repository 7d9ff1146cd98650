package dev.recordingsindexer.indexer.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
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

    assertThat(StreamsConfig.configDef().names()).containsAll(defaults.keySet());
    assertThat(config.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
        .isEqualTo("exactly_once_v2");
    assertThat(config.getString(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG))
        .isEqualTo("recording-events-dlq");
    assertThat(config.getString(StreamsConfig.GROUP_PROTOCOL_CONFIG)).isEqualTo("classic");
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
