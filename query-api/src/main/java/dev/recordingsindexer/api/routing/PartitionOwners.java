package dev.recordingsindexer.api.routing;

import dev.recordingsindexer.indexer.query.QueryUnavailableException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Who holds which partition of the recordings store right now, as the Kafka Streams metadata says:
 * the instance with the active task and those with standby replicas. The answer is a snapshot; it
 * may be stale by the time a call reaches the owner, which then answers 503 itself. Thread-safe.
 */
public interface PartitionOwners {

  /**
   * The number of partitions of the store.
   *
   * @throws QueryUnavailableException while the streams client has no assignment yet
   */
  int partitionCount();

  /**
   * The partition that holds the recording with this SID.
   *
   * @throws QueryUnavailableException while the metadata is not available
   */
  int partitionOf(String sid);

  /**
   * The owners of one partition; no active and no standbys while it is unassigned (rebalancing).
   *
   * @throws QueryUnavailableException while the metadata is not available
   */
  Owners owners(int partition);

  /** This instance, as it advertises itself in {@code application.server}. */
  HostInfo self();

  /**
   * The owners of the store named {@code storeName}, whose partitions are those of {@code
   * storeTopic} ({@code <application.id>-recordings-by-sid-repartition}), seen from {@code self}.
   */
  static PartitionOwners of(
      KafkaStreams streams, String storeName, String storeTopic, HostInfo self) {
    return new StreamsPartitionOwners(streams, storeName, storeTopic, self);
  }

  /**
   * The owners of one partition.
   *
   * @param active the instance with the active task, empty while none has it
   * @param standbys the instances with a standby replica, in a stable order (by host, then port)
   */
  record Owners(int partition, Optional<HostInfo> active, List<HostInfo> standbys) {
    public Owners {
      Objects.requireNonNull(active, "active");
      standbys = List.copyOf(standbys);
    }
  }
}
