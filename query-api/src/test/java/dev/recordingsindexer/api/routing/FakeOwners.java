package dev.recordingsindexer.api.routing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.state.HostInfo;

/** Owners set by the test, of six partitions; unset partitions have none. */
final class FakeOwners implements PartitionOwners {

  static final HostInfo SELF = new HostInfo("self", 1);

  private final Map<Integer, Owners> owners = new ConcurrentHashMap<>();
  volatile int sidPartition;

  void set(int partition, Optional<HostInfo> active, HostInfo... standbys) {
    owners.put(partition, new Owners(partition, active, List.of(standbys)));
  }

  @Override
  public int partitionCount() {
    return 6;
  }

  @Override
  public int partitionOf(String sid) {
    return sidPartition;
  }

  @Override
  public Owners owners(int partition) {
    return owners.getOrDefault(partition, new Owners(partition, Optional.empty(), List.of()));
  }

  @Override
  public HostInfo self() {
    return SELF;
  }
}
