package dev.recordingsindexer.indexer.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recordingsindexer.indexer.query.QueryUnavailableException;
import java.io.File;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaStreamsRecordingReadersTest {

  @TempDir File stateDir;

  @Test
  void shouldAnswerUnavailableWithARetryHintWhileTheStreamsAreNotRunning() {
    Topology topology = new Topology();
    topology.addSource("in", new StringDeserializer(), new StringDeserializer(), "in");
    topology.addProcessor("sink", Ignore::new, "in");
    topology.addStateStore(RecordingStores.builder(), "sink");
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "readers-test");
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1");
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.getAbsolutePath());

    try (KafkaStreams streams = new KafkaStreams(topology, config)) {
      KafkaStreamsRecordingReaders readers = new KafkaStreamsRecordingReaders(streams);

      assertThatThrownBy(readers::all)
          .isInstanceOfSatisfying(
              QueryUnavailableException.class, e -> assertThat(e.retryAfter()).isPositive())
          .hasMessageContaining("CREATED");
    }
  }

  @Test
  void shouldHandOutOnlyRecordingStoresAsReaders() {
    RecordingStoreType type = new RecordingStoreType();

    assertThat(type.accepts(RecordingStores.builder().build())).isTrue();
    assertThat(
            type.accepts(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("other"), null, null)
                    .build()))
        .isFalse();
  }

  /** Consumes records without doing anything. */
  private static final class Ignore implements Processor<String, String, Void, Void> {
    @Override
    public void process(Record<String, String> record) {}
  }
}
