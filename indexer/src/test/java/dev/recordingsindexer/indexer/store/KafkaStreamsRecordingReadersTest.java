package dev.recordingsindexer.indexer.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recordingsindexer.indexer.query.QueryUnavailableException;
import java.io.File;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.internals.StateStoreProvider;
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
    RecordingStoreType type = new RecordingStoreType(false);

    assertThat(type.accepts(RecordingStores.builder().build())).isTrue();
    assertThat(
            type.accepts(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("other"), null, null)
                    .build()))
        .isFalse();
  }

  @Test
  void shouldHandOutAnActiveStoreOnlyWhileItsTaskProcesses() {
    // Kafka Streams hands out a restoring active task's store too; the active type refuses it.
    IndexedRecordingStore store =
        new IndexedRecordingStore(
            "recordings", RocksDbSettings.defaults(), new CapturedChangelog().factory());
    store.init(new TestStoreContext(stateDir), store);
    try {
      StateStoreProvider provider = providing(store);
      QueryableStoreType<RecordingReader> active = RecordingStores.activeQueryableStoreType();
      QueryableStoreType<RecordingReader> any = RecordingStores.queryableStoreType();

      assertThatThrownBy(() -> active.create(provider, "recordings"))
          .isInstanceOf(InvalidStateStoreException.class)
          .hasMessageContaining("restoring");
      assertThat(any.create(provider, "recordings")).isSameAs(store);

      store.processing(true);
      assertThat(active.create(provider, "recordings")).isSameAs(store);

      store.processing(false);
      assertThatThrownBy(() -> active.create(provider, "recordings"))
          .isInstanceOf(InvalidStateStoreException.class);
    } finally {
      store.close();
    }
  }

  @Test
  void shouldStopAnsweringAsTheActiveCopyOnceClosed() {
    IndexedRecordingStore store =
        new IndexedRecordingStore(
            "recordings", RocksDbSettings.defaults(), new CapturedChangelog().factory());
    store.init(new TestStoreContext(stateDir), store);
    store.processing(true);

    store.close();

    assertThat(store.isProcessing()).isFalse();
  }

  private static StateStoreProvider providing(IndexedRecordingStore store) {
    return new StateStoreProvider() {
      @Override
      @SuppressWarnings("unchecked")
      public <T> List<T> stores(String storeName, QueryableStoreType<T> queryableStoreType) {
        return List.of((T) store);
      }
    };
  }

  /** Consumes records without doing anything. */
  private static final class Ignore implements Processor<String, String, Void, Void> {
    @Override
    public void process(Record<String, String> record) {}
  }
}
