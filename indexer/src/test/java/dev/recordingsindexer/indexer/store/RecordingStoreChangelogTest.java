package dev.recordingsindexer.indexer.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recordingsindexer.indexer.fold.RecordingStateCodec;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** The store inside a real (test-driver) topology: found by name, logging through Kafka Streams. */
class RecordingStoreChangelogTest {

  private static final String APP = "store-changelog-test";

  @Test
  void shouldLogOneChangelogRecordPerChangeThroughKafkaStreams() {
    Topology topology = new Topology();
    topology.addSource("commands", new StringDeserializer(), new StringDeserializer(), "commands");
    topology.addProcessor("write", StoreCommands::new, "commands");
    topology.addStateStore(RecordingStores.builder(), "write");
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, APP);
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");

    try (TopologyTestDriver driver = new TopologyTestDriver(topology, config)) {
      TestInputTopic<String, String> commands =
          driver.createInputTopic("commands", new StringSerializer(), new StringSerializer());
      commands.pipeInput(States.sid(1), "put");
      commands.pipeInput(States.sid(1), "put");
      commands.pipeInput(States.sid(2), "put");
      commands.pipeInput(States.sid(2), "purge");
      commands.pipeInput(States.sid(2), "expire");

      List<TestRecord<String, byte[]>> logged =
          driver
              .createOutputTopic(
                  APP + "-recordings-changelog",
                  new StringDeserializer(),
                  new ByteArrayDeserializer())
              .readRecordsToList();

      assertThat(logged)
          .extracting(TestRecord::key)
          .containsExactly(States.sid(1), States.sid(2), States.sid(2), States.sid(2));
      assertThat(ChangelogValue.decode(logged.get(0).value()))
          .isInstanceOfSatisfying(
              ChangelogValue.State.class,
              state ->
                  assertThat(RecordingStateCodec.decode(state.state()))
                      .isEqualTo(States.started(States.sid(1), States.T0)));
      assertThat(ChangelogValue.decode(logged.get(2).value()))
          .isInstanceOf(ChangelogValue.Marker.class);
      assertThat(logged.get(3).value()).isNull();
      RecordingStore store = (RecordingStore) driver.getStateStore(RecordingStore.NAME);
      assertThat(store.get(States.sid(1))).isPresent();
      assertThat(store.approximateCount()).isEqualTo(1);
    }
  }

  /** Applies "put", "purge" or "expire" to the recording named by the key. */
  private static final class StoreCommands implements Processor<String, String, Void, Void> {
    private RecordingStore store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      store = context.getStateStore(RecordingStore.NAME);
    }

    @Override
    public void process(Record<String, String> record) {
      switch (record.value()) {
        case "put" -> store.put(States.started(record.key(), States.T0));
        case "purge" -> store.purge(record.key(), 1_000);
        case "expire" -> store.expirePurgeMarkers(Long.MAX_VALUE);
        default -> throw new IllegalArgumentException(record.value());
      }
    }
  }
}
