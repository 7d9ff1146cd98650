package dev.recordingsindexer.benchmarks.load;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The producer configuration every writer of the kit shares: raw bytes, acks=all, idempotent, lz4
 * unless a writer says otherwise. Writers differ only in linger and batching.
 */
public final class ProducerSettings {

  private ProducerSettings() {}

  /** Bytes in, acknowledged by all replicas, idempotent, waiting {@code lingerMs} to batch. */
  public static Map<String, Object> of(String bootstrapServers, int lingerMs) {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
    return config;
  }
}
