package dev.recordingsindexer.api;

import dev.recordingsindexer.api.config.ServiceConfig;
import dev.recordingsindexer.indexer.store.BoundedMemoryRocksDbConfig;
import dev.recordingsindexer.indexer.topology.RecordLimits;
import dev.recordingsindexer.indexer.topology.RecordingsTopology;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams configuration of this process: the topology's own defaults (exactly-once,
 * exception handlers, dead-letter topic) plus what the process configuration decides, including the
 * RocksDB memory bound shared by every store partition ({@link BoundedMemoryRocksDbConfig}).
 */
final class StreamsProperties {

  private StreamsProperties() {}

  static Map<String, Object> of(ServiceConfig config, String bootstrapServers) {
    Map<String, Object> props =
        new HashMap<>(RecordingsTopology.streamsDefaults(config.indexerSettings()));
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toAbsolutePath().toString());
    props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, config.applicationServer());
    props.put(
        StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.processingGuarantee().streamsValue());
    props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, config.cluster().numStandbyReplicas());
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.streamThreads());
    props.put(
        StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG),
        (int) config.cluster().sessionTimeout().toMillis());
    props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedMemoryRocksDbConfig.class);
    props.put(BoundedMemoryRocksDbConfig.CACHE_BYTES_CONFIG, config.storeMemory().cacheBytes());
    props.put(
        BoundedMemoryRocksDbConfig.WRITE_BUFFER_BYTES_CONFIG,
        config.storeMemory().writeBufferBytes());
    // Dead letters are input records unchanged, so they may be far larger than Kafka's 1 MiB
    // defaults; the service creates the dead-letter topic accepting as much (TopicCreator).
    props.put(
        StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
        RecordLimits.MAX_RECORD_BYTES);
    props.put(
        StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG),
        Integer.toString(RecordLimits.MAX_RECORD_BYTES));
    config
        .commitIntervalMs()
        .ifPresent(ms -> props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, ms));
    return props;
  }
}
