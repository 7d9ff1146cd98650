package dev.recordingsindexer.indexer.topology;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Which partition a recording SID belongs to: murmur2 of its UTF-8 bytes, as Kafka's default
 * partitioner places a String key. The repartition topic is written with it, the router uses it to
 * fold in place the records already read from their SID's partition, and interactive queries find a
 * SID's store partition with the same formula ({@code KafkaStreams#queryMetadataForKey} with a
 * String serializer), so all three agree.
 */
final class SidPartitioner implements StreamPartitioner<String, Envelope> {

  /** The partition of {@code sid} among {@code partitions} (at least 1). */
  static int partitionOf(String sid, int partitions) {
    return Utils.toPositive(Utils.murmur2(sid.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  @Override
  public Optional<Set<Integer>> partitions(
      String topic, String sid, Envelope envelope, int numPartitions) {
    return Optional.of(Set.of(partitionOf(sid, numPartitions)));
  }
}
