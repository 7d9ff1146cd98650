package dev.recordingsindexer.indexer.store;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Builds {@link IndexedRecordingStore}s for Kafka Streams. Logging is on by default; the changelog
 * is compacted (Kafka Streams' default for key-value stores) with any extra topic configs given.
 * Caching does not apply: the store writes through to RocksDB and logs every change at once.
 */
final class RecordingStoreBuilder implements StoreBuilder<IndexedRecordingStore> {

  private final String name;
  private final RocksDbSettings settings;
  private final IndexBuilds builds;
  private final Map<String, String> logConfig = new HashMap<>();
  private boolean logging = true;

  RecordingStoreBuilder(String name, RocksDbSettings settings, IndexBuilds builds) {
    this.name = Objects.requireNonNull(name, "name");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.builds = Objects.requireNonNull(builds, "builds");
  }

  @Override
  public StoreBuilder<IndexedRecordingStore> withCachingEnabled() {
    throw new UnsupportedOperationException("the recordings store has no record cache");
  }

  @Override
  public StoreBuilder<IndexedRecordingStore> withCachingDisabled() {
    return this;
  }

  @Override
  public StoreBuilder<IndexedRecordingStore> withLoggingEnabled(Map<String, String> config) {
    logging = true;
    logConfig.clear();
    logConfig.putAll(config);
    return this;
  }

  @Override
  public StoreBuilder<IndexedRecordingStore> withLoggingDisabled() {
    logging = false;
    logConfig.clear();
    return this;
  }

  @Override
  public IndexedRecordingStore build() {
    return new IndexedRecordingStore(
        name,
        settings,
        logging ? ChangelogSink.Factory.KAFKA : ChangelogSink.Factory.DISABLED,
        builds);
  }

  @Override
  public Map<String, String> logConfig() {
    return Map.copyOf(logConfig);
  }

  @Override
  public boolean loggingEnabled() {
    return logging;
  }

  @Override
  public String name() {
    return name;
  }
}
