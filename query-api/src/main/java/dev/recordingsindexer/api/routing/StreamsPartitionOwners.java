package dev.recordingsindexer.api.routing;

import dev.recordingsindexer.indexer.query.QueryUnavailableException;
import dev.recordingsindexer.indexer.store.KafkaStreamsRecordingReaders;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * {@link PartitionOwners} read from a running {@link KafkaStreams} client's metadata. The partition
 * count is the topic's, not the number of partitions the metadata lists, so an unassigned partition
 * shows up as one without owners instead of silently shrinking the store.
 */
final class StreamsPartitionOwners implements PartitionOwners {

  private static final Comparator<HostInfo> HOST_ORDER =
      Comparator.comparing(HostInfo::host).thenComparingInt(HostInfo::port);

  private final KafkaStreams streams;
  private final String storeName;
  private final String storeTopic;
  private final HostInfo self;
  private final KafkaStreamsRecordingReaders counter;

  StreamsPartitionOwners(KafkaStreams streams, String storeName, String storeTopic, HostInfo self) {
    this.streams = Objects.requireNonNull(streams, "streams");
    this.storeName = Objects.requireNonNull(storeName, "storeName");
    this.storeTopic = Objects.requireNonNull(storeTopic, "storeTopic");
    this.self = Objects.requireNonNull(self, "self");
    this.counter = new KafkaStreamsRecordingReaders(streams, storeName);
  }

  @Override
  public int partitionCount() {
    return counter.partitionCount();
  }

  @Override
  public int partitionOf(String sid) {
    KeyQueryMetadata metadata;
    try {
      metadata = streams.queryMetadataForKey(storeName, sid, Serdes.String().serializer());
    } catch (InvalidStateStoreException | IllegalStateException e) {
      throw unavailable("the stream processor is not running", e);
    }
    if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
      throw unavailable("the partitions of store " + storeName + " are not assigned yet", null);
    }
    return metadata.partition();
  }

  @Override
  public Owners owners(int partition) {
    Collection<StreamsMetadata> clients;
    try {
      clients = streams.metadataForAllStreamsClients();
    } catch (InvalidStateStoreException | IllegalStateException e) {
      throw unavailable("the stream processor is not running", e);
    }
    TopicPartition topicPartition = new TopicPartition(storeTopic, partition);
    Optional<HostInfo> active = Optional.empty();
    List<HostInfo> standbys = new ArrayList<>();
    for (StreamsMetadata client : clients) {
      if (client.topicPartitions().contains(topicPartition)) {
        active = Optional.of(client.hostInfo());
      }
      if (client.standbyTopicPartitions().contains(topicPartition)) {
        standbys.add(client.hostInfo());
      }
    }
    standbys.sort(HOST_ORDER);
    return new Owners(partition, active, standbys);
  }

  @Override
  public HostInfo self() {
    return self;
  }

  private static QueryUnavailableException unavailable(String reason, Exception cause) {
    return cause == null
        ? new QueryUnavailableException(reason, KafkaStreamsRecordingReaders.RETRY_AFTER)
        : new QueryUnavailableException(reason, KafkaStreamsRecordingReaders.RETRY_AFTER, cause);
  }
}
