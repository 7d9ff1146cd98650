package dev.recordingsindexer.indexer.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;

/** The store applies the application's config setter as Kafka Streams' own RocksDB stores do. */
class StoreConfigSetterTest {

  private static final String SETTER = StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG;

  @TempDir File dir;

  @BeforeEach
  void clearCalls() {
    CallRecordingSetter.CALLS.clear();
  }

  @Test
  void shouldCallTheSetterAfterTheDefaultsAndCloseItWhenTheStoreCloses() {
    Map<String, Object> configs = Map.of(SETTER, CallRecordingSetter.class, "custom.key", "x");
    IndexedRecordingStore store =
        new IndexedRecordingStore(
            "recordings", RocksDbSettings.defaults(), ChangelogSink.Factory.DISABLED);

    store.init(new TestStoreContext(dir, configs), store);

    assertThat(CallRecordingSetter.CALLS)
        .containsExactly("setConfig recordings write buffer 8388608 custom.key=x");
    assertThat(store.handle().longProperty("rocksdb.block-cache-capacity"))
        .as("the setter's change applies to the opened database")
        .isEqualTo(CallRecordingSetter.CACHE_BYTES);

    store.close();
    store.close();

    assertThat(CallRecordingSetter.CALLS)
        .containsExactly(
            "setConfig recordings write buffer 8388608 custom.key=x", "close recordings");
  }

  @Test
  void shouldAcceptTheSetterByClassName() {
    StoreConfigSetter setter =
        StoreConfigSetter.from(Map.of(SETTER, " " + CallRecordingSetter.class.getName()));

    try (Options options = new Options()) {
      setter.apply("named", options);
    }

    assertThat(CallRecordingSetter.CALLS).hasSize(1).first().asString().startsWith("setConfig");
  }

  @Test
  void shouldDoNothingWithoutASetter() {
    StoreConfigSetter setter = StoreConfigSetter.from(Map.of());

    try (Options options = new Options()) {
      long before = options.writeBufferSize();
      setter.apply("none", options);
      setter.close("none", options);
      assertThat(options.writeBufferSize()).isEqualTo(before);
    }
  }

  @Test
  void shouldNameTheClassThatIsNotAUsableSetter() {
    assertThatThrownBy(() -> StoreConfigSetter.from(Map.of(SETTER, "com.example.Missing")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("com.example.Missing")
        .hasMessageContaining(SETTER);
    assertThatThrownBy(() -> StoreConfigSetter.from(Map.of(SETTER, String.class)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("java.lang.String")
        .hasMessageContaining("not a RocksDBConfigSetter");
    assertThatThrownBy(() -> StoreConfigSetter.from(Map.of(SETTER, NoDefaultConstructor.class)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(NoDefaultConstructor.class.getName());
  }

  @Test
  void shouldCloseTheSetterWhenTheDatabaseCannotOpen() {
    File db = new File(dir, "db");
    Map<String, Object> configs = Map.of(SETTER, CallRecordingSetter.class);
    try (RocksDbHandle holder =
        RocksDbHandle.open("holder", RocksDbSettings.defaults(), db, Map.of())) {

      assertThatThrownBy(
              () -> RocksDbHandle.open("recordings", RocksDbSettings.defaults(), db, configs))
          .hasMessageContaining("cannot open store recordings");

      assertThat(CallRecordingSetter.CALLS)
          .containsExactly("setConfig recordings write buffer 8388608", "close recordings");
      assertThat(holder.isOpen()).isTrue();
    }
  }

  /** Records its calls; sets a cache of its own so that its effect is visible. */
  public static final class CallRecordingSetter implements RocksDBConfigSetter {
    static final List<String> CALLS = new ArrayList<>();
    static final long CACHE_BYTES = 3L << 20;
    private LRUCache cache;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
      Object custom = configs.get("custom.key");
      String suffix = custom == null ? "" : " custom.key=" + custom;
      CALLS.add("setConfig " + storeName + " write buffer " + options.writeBufferSize() + suffix);
      cache = new LRUCache(CACHE_BYTES);
      options.setTableFormatConfig(new BlockBasedTableConfig().setBlockCache(cache));
    }

    @Override
    public void close(String storeName, Options options) {
      CALLS.add("close " + storeName);
      cache.close();
    }
  }

  /** Not instantiable by Kafka's reflection. */
  public static final class NoDefaultConstructor implements RocksDBConfigSetter {
    public NoDefaultConstructor(String unused) {}

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {}

    @Override
    public void close(String storeName, Options options) {}
  }
}
