package dev.recordingsindexer.indexer.store;

import static dev.recordingsindexer.indexer.store.States.T0;
import static dev.recordingsindexer.indexer.store.States.sid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;

/**
 * Every store opened with the setter shares one bounded cache and write buffer manager, sized from
 * the configs; closing one store leaves that memory to the others. Each test uses sizes of its own,
 * so it gets memory no other test shares.
 */
class BoundedMemoryRocksDbConfigTest {

  private static final long MIB = 1L << 20;

  @TempDir File dir;

  @Test
  void shouldShareOneCacheBetweenStoresAndKeepItWhenOneCloses() {
    Map<String, Object> configs = configs(24 * MIB, 6 * MIB);
    RocksDbMemory memory = BoundedMemoryRocksDbConfig.memory(configs);
    IndexedRecordingStore first = open("first", configs);
    IndexedRecordingStore second = open("second", configs);
    try {
      first.put(States.started(sid(1), T0));
      first.commit(Map.of());
      second.put(States.started(sid(2), T0));
      second.commit(Map.of());

      assertThat(memory.openStores()).isEqualTo(2);
      assertThat(property(first, "rocksdb.block-cache-capacity")).isEqualTo(24 * MIB);
      assertThat(property(second, "rocksdb.block-cache-capacity")).isEqualTo(24 * MIB);
      assertThat(memory.writeBufferUsageBytes()).isPositive();
      assertThat(memory.cacheUsageBytes())
          .as("the memtables are charged to the shared cache")
          .isPositive()
          .isEqualTo(property(first, "rocksdb.block-cache-usage"))
          .isEqualTo(property(second, "rocksdb.block-cache-usage"));

      first.close();

      assertThat(memory.openStores()).isEqualTo(1);
      second.put(States.started(sid(3), T0));
      second.commit(Map.of());
      assertThat(second.get(sid(2))).isPresent();
      assertThat(second.get(sid(3))).isPresent();
      assertThat(second.approximateCount()).isEqualTo(2);
      IndexedRecordingStore third = open("third", configs);
      third.put(States.started(sid(4), T0));
      third.commit(Map.of());
      assertThat(third.get(sid(4))).isPresent();
      assertThat(memory.openStores()).isEqualTo(2);
      third.close();
    } finally {
      first.close();
      second.close();
    }
    assertThat(memory.openStores()).isZero();
    assertThat(memory.writeBufferUsageBytes()).isZero();
  }

  @Test
  void shouldTakeTheSizesFromTheConfigsAsNumbersOrText() {
    RocksDbMemory fromNumbers = BoundedMemoryRocksDbConfig.memory(configs(20 * MIB, 5 * MIB));
    RocksDbMemory fromText =
        BoundedMemoryRocksDbConfig.memory(
            Map.of(
                BoundedMemoryRocksDbConfig.CACHE_BYTES_CONFIG,
                " " + 20 * MIB,
                BoundedMemoryRocksDbConfig.WRITE_BUFFER_BYTES_CONFIG,
                Integer.toString((int) (5 * MIB))));

    assertThat(fromNumbers.cacheBytes()).isEqualTo(20 * MIB);
    assertThat(fromNumbers.writeBufferBytes()).isEqualTo(5 * MIB);
    assertThat(fromText).isSameAs(fromNumbers);
    assertThat(RocksDbMemory.usage().blockCacheCapacityBytes()).isGreaterThanOrEqualTo(20 * MIB);
  }

  @Test
  void shouldDefaultTo64MibWithHalfForWriteBuffers() {
    RocksDbMemory memory = BoundedMemoryRocksDbConfig.memory(Map.of());

    assertThat(memory.cacheBytes()).isEqualTo(64 * MIB);
    assertThat(memory.writeBufferBytes()).isEqualTo(32 * MIB);
    assertThat(BoundedMemoryRocksDbConfig.memtableBytes(memory)).isEqualTo(8 * MIB);
  }

  @Test
  void shouldRejectSizesThatBoundNothingNamingTheKey() {
    assertThatThrownBy(() -> BoundedMemoryRocksDbConfig.memory(configs(8 * MIB, 8 * MIB)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(BoundedMemoryRocksDbConfig.WRITE_BUFFER_BYTES_CONFIG)
        .hasMessageContaining("less than");
    assertThatThrownBy(
            () ->
                BoundedMemoryRocksDbConfig.memory(
                    Map.of(BoundedMemoryRocksDbConfig.CACHE_BYTES_CONFIG, "64MB")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(BoundedMemoryRocksDbConfig.CACHE_BYTES_CONFIG);
    assertThatThrownBy(
            () ->
                BoundedMemoryRocksDbConfig.memory(
                    Map.of(BoundedMemoryRocksDbConfig.WRITE_BUFFER_BYTES_CONFIG, 0)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(BoundedMemoryRocksDbConfig.WRITE_BUFFER_BYTES_CONFIG);
  }

  @Test
  void shouldCloseOnlyTheFilterItCreatedForAStoreWithoutATableConfig() {
    Map<String, Object> configs = configs(12 * MIB, 3 * MIB);
    RocksDbMemory memory = BoundedMemoryRocksDbConfig.memory(configs);
    BoundedMemoryRocksDbConfig setter = new BoundedMemoryRocksDbConfig();
    try (Options options = new Options().setWriteBufferSize(64 * MIB)) {
      setter.setConfig("bare", options, configs);

      assertThat(options.writeBufferManager()).isSameAs(memory.writeBufferManager());
      assertThat(options.writeBufferSize()).isEqualTo(1 * MIB);
      assertThat(options.maxWriteBufferNumber()).isEqualTo(3);
      BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
      assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
      assertThat(table.pinTopLevelIndexAndFilter()).isTrue();
      assertThat(table.partitionFilters()).isTrue();
      assertThat(table.filterPolicy()).isNotNull();
      assertThat(table.filterPolicy().isOwningHandle()).isTrue();

      setter.close("bare", options);

      assertThat(table.filterPolicy().isOwningHandle()).isFalse();
      assertThat(memory.cache().isOwningHandle()).as("the shared cache stays open").isTrue();
      assertThat(memory.writeBufferManager().isOwningHandle()).isTrue();
    }
  }

  @Test
  void shouldSizeMemtablesByTheBudgetWhateverTheStoreAskedFor() {
    Map<String, Object> configs = configs(256 * MIB, 128 * MIB);
    BoundedMemoryRocksDbConfig setter = new BoundedMemoryRocksDbConfig();
    try (Options options =
        new Options().setWriteBufferSize(RocksDbSettings.defaults().writeBufferBytes())) {
      setter.setConfig("large", options, configs);

      assertThat(options.writeBufferSize()).isEqualTo(32 * MIB);
      setter.close("large", options);
    }
  }

  @Test
  void shouldBoundTheStoreOfATopologyConfiguredThroughStreamsConfig() {
    Map<String, Object> sizes = configs(28 * MIB, 7 * MIB);
    RocksDbMemory memory = BoundedMemoryRocksDbConfig.memory(sizes);
    Topology topology = new Topology();
    topology.addSource("in", new StringDeserializer(), new StringDeserializer(), "in");
    topology.addProcessor("write", PutStarted::new, "in");
    topology.addStateStore(RecordingStores.builder(), "write");
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "bounded-memory-test");
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    config.put(StreamsConfig.STATE_DIR_CONFIG, dir.getAbsolutePath());
    config.putAll(sizes);

    try (TopologyTestDriver driver = new TopologyTestDriver(topology, config)) {
      driver
          .createInputTopic("in", new StringSerializer(), new StringSerializer())
          .pipeInput(sid(1), "put");

      assertThat(memory.openStores()).isEqualTo(1);
      assertThat(memory.writeBufferUsageBytes()).isPositive();
    }
    assertThat(memory.openStores()).isZero();
  }

  private IndexedRecordingStore open(String name, Map<String, Object> configs) {
    IndexedRecordingStore store =
        new IndexedRecordingStore(
            "recordings", RocksDbSettings.defaults(), ChangelogSink.Factory.DISABLED);
    store.init(new TestStoreContext(new File(dir, name), configs), store);
    return store;
  }

  private static long property(IndexedRecordingStore store, String property) {
    return store.handle().longProperty(property);
  }

  private static Map<String, Object> configs(long cacheBytes, long writeBufferBytes) {
    Map<String, Object> configs = new HashMap<>();
    configs.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedMemoryRocksDbConfig.class);
    configs.put(BoundedMemoryRocksDbConfig.CACHE_BYTES_CONFIG, cacheBytes);
    configs.put(BoundedMemoryRocksDbConfig.WRITE_BUFFER_BYTES_CONFIG, writeBufferBytes);
    return configs;
  }

  /** Puts a started recording for every record's key. */
  private static final class PutStarted implements Processor<String, String, Void, Void> {
    private RecordingStore store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      store = context.getStateStore(RecordingStore.NAME);
    }

    @Override
    public void process(Record<String, String> record) {
      store.put(States.started(record.key(), T0));
    }
  }
}
