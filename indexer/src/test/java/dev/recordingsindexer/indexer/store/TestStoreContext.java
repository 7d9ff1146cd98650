package dev.recordingsindexer.indexer.store;

import java.io.File;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsMetrics;
import org.apache.kafka.streams.processor.BatchingStateRestoreCallback;
import org.apache.kafka.streams.processor.CommitCallback;
import org.apache.kafka.streams.processor.StateRestoreCallback;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * A minimal store context for unit tests: a state directory, app configs (none unless given) and
 * the captured restore callback, and the task's role (a standby unless made active). It has no
 * changelog or metrics; stores opened with it run outside Kafka Streams.
 */
public final class TestStoreContext implements StateStoreContext, TaskRole {

  private final File stateDir;
  private final Map<String, Object> appConfigs;
  private StateRestoreCallback restoreCallback;
  private volatile boolean active;

  public TestStoreContext(File stateDir) {
    this(stateDir, Map.of());
  }

  public TestStoreContext(File stateDir, Map<String, Object> appConfigs) {
    this.stateDir = stateDir;
    this.appConfigs = Map.copyOf(appConfigs);
  }

  /** Makes the context's task active (it restores, then processes) or a standby (the default). */
  public TestStoreContext active(boolean active) {
    this.active = active;
    return this;
  }

  @Override
  public boolean active() {
    return active;
  }

  /** The callback the store registered, as Kafka Streams would call it while restoring. */
  BatchingStateRestoreCallback restoreCallback() {
    return (BatchingStateRestoreCallback) restoreCallback;
  }

  @Override
  public String applicationId() {
    return "store-test";
  }

  @Override
  public TaskId taskId() {
    return new TaskId(0, 0);
  }

  @Override
  public Optional<RecordMetadata> recordMetadata() {
    return Optional.empty();
  }

  @Override
  public Serde<?> keySerde() {
    return null;
  }

  @Override
  public Serde<?> valueSerde() {
    return null;
  }

  @Override
  public File stateDir() {
    return stateDir;
  }

  @Override
  public StreamsMetrics metrics() {
    throw new UnsupportedOperationException("no metrics in store unit tests");
  }

  @Override
  public void register(StateStore store, StateRestoreCallback callback) {
    this.restoreCallback = callback;
  }

  @Override
  public void register(StateStore store, StateRestoreCallback callback, CommitCallback onCommit) {
    this.restoreCallback = callback;
  }

  @Override
  public Map<String, Object> appConfigs() {
    return appConfigs;
  }

  @Override
  public Map<String, Object> appConfigsWithPrefix(String prefix) {
    return Map.of();
  }
}
