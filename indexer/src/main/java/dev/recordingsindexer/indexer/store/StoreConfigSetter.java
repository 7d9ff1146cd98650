package dev.recordingsindexer.indexer.store;

import java.util.Map;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.Options;

/**
 * The application's {@code rocksdb.config.setter} as one store uses it, in the order Kafka Streams'
 * own RocksDB stores follow: a new instance per store, {@link #apply} after the store's default
 * options and before the database opens, {@link #close} when the store closes, before the database
 * and its options are closed. Used by one store's open and close only (not thread-safe).
 */
final class StoreConfigSetter {

  private static final String CONFIG = StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG;

  private final RocksDBConfigSetter setter;
  private final Map<String, Object> appConfigs;

  private StoreConfigSetter(RocksDBConfigSetter setter, Map<String, Object> appConfigs) {
    this.setter = setter;
    this.appConfigs = appConfigs;
  }

  /**
   * The setter {@code appConfigs} names (a class, or a class name), or one that does nothing.
   *
   * @throws ConfigException naming the class when it cannot be loaded, is not a {@link
   *     RocksDBConfigSetter} or cannot be instantiated
   */
  static StoreConfigSetter from(Map<String, Object> appConfigs) {
    Object configured = appConfigs.get(CONFIG);
    if (configured == null) {
      return new StoreConfigSetter(null, appConfigs);
    }
    Class<?> type;
    try {
      type =
          configured instanceof Class<?> given
              ? given
              : Class.forName(
                  configured.toString().trim(), true, Utils.getContextOrKafkaClassLoader());
    } catch (ClassNotFoundException e) {
      throw new ConfigException(CONFIG, configured, "class not found");
    }
    if (!RocksDBConfigSetter.class.isAssignableFrom(type)) {
      throw new ConfigException(CONFIG, type.getName(), "not a RocksDBConfigSetter");
    }
    try {
      return new StoreConfigSetter((RocksDBConfigSetter) Utils.newInstance(type), appConfigs);
    } catch (KafkaException e) {
      throw new ConfigException(
          CONFIG, type.getName(), "cannot be instantiated (needs a public no-arg constructor)");
    }
  }

  /** Lets the setter change {@code options} of store {@code storeName}; before the open. */
  void apply(String storeName, Options options) {
    if (setter != null) {
      setter.setConfig(storeName, options, appConfigs);
    }
  }

  /** Lets the setter release what it created for this store; before the database closes. */
  void close(String storeName, Options options) {
    if (setter != null) {
      setter.close(storeName, options);
    }
  }
}
