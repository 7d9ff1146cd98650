package dev.recordingsindexer.indexer.topology;

import dev.recordingsindexer.indexer.store.RecordingStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The whole topology in a {@link TopologyTestDriver}, configured with {@link
 * RecordingsTopology#streamsDefaults} (exactly-once included), with typed access to the input, the
 * dead-letter topic, the changelog and the store. Close it.
 */
final class IndexerDriver implements AutoCloseable {

  static final String APPLICATION_ID = "recordings-test";
  static final String CHANGELOG = APPLICATION_ID + "-" + RecordingStore.NAME + "-changelog";
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  /**
   * The input partitions the topology is built for. The driver reads everything from partition 0,
   * so about a quarter of the SIDs fold in place and the rest cross the repartition topic: every
   * test goes through both paths.
   */
  static final int PARTITIONS = 4;

  final IndexerSettings settings;
  final CountingListener listener = new CountingListener();
  private final TopologyTestDriver driver;
  private final TestInputTopic<byte[], byte[]> input;
  private final TestOutputTopic<byte[], byte[]> deadLetters;
  private final TestOutputTopic<byte[], byte[]> changelog;

  IndexerDriver(Path stateDir) {
    this(IndexerSettings.defaults(), stateDir);
  }

  IndexerDriver(IndexerSettings settings, Path stateDir) {
    this.settings = settings;
    Properties props = new Properties();
    props.putAll(RecordingsTopology.streamsDefaults(settings));
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver =
        new TopologyTestDriver(
            RecordingsTopology.build(settings, listener, PARTITIONS), props, START);
    ByteArraySerializer serializer = new ByteArraySerializer();
    ByteArrayDeserializer deserializer = new ByteArrayDeserializer();
    input = driver.createInputTopic(settings.inputTopic(), serializer, serializer);
    deadLetters = driver.createOutputTopic(settings.deadLetterTopic(), deserializer, deserializer);
    changelog = driver.createOutputTopic(CHANGELOG, deserializer, deserializer);
  }

  IndexerDriver send(String key, String value) {
    input.pipeInput(Events.bytes(key), Events.bytes(value));
    return this;
  }

  IndexerDriver send(String key, String value, Headers headers) {
    input.pipeInput(new TestRecord<>(Events.bytes(key), Events.bytes(value), headers));
    return this;
  }

  RecordingStore store() {
    return (RecordingStore) driver.getStateStore(RecordingStore.NAME);
  }

  /** Dead letters written since the last call. */
  List<TestRecord<byte[], byte[]>> deadLetters() {
    return deadLetters.readRecordsToList();
  }

  /** Changelog records written since the last call, in order. */
  List<KeyValue<byte[], byte[]>> changelog() {
    return changelog.readKeyValuesToList();
  }

  void advanceWallClock(Duration duration) {
    driver.advanceWallClockTime(duration);
  }

  @Override
  public void close() {
    driver.close();
  }
}
