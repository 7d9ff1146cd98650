package dev.recordingsindexer.api.routing;

import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.query.PartitionScanRequest;
import dev.recordingsindexer.indexer.query.QueryUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Local copies set by the test: per partition and replica kind, recordings or unavailable. */
final class FakeLocalReplicas implements LocalReplicas {

  private final Map<String, List<Recording>> copies = new ConcurrentHashMap<>();
  final List<PartitionScanRequest> requests = new ArrayList<>();

  FakeLocalReplicas with(int partition, Replica replica, List<Recording> recordings) {
    copies.put(partition + "/" + replica, List.copyOf(recordings));
    return this;
  }

  @Override
  public synchronized List<Recording> scan(
      int partition, PartitionScanRequest request, Replica replica) {
    requests.add(request);
    return copy(partition, replica);
  }

  @Override
  public Optional<Recording> fetch(int partition, String sid, Replica replica) {
    return copy(partition, replica).stream().filter(r -> r.sid().equals(sid)).findFirst();
  }

  private List<Recording> copy(int partition, Replica replica) {
    List<Recording> copy = copies.get(partition + "/" + replica);
    if (copy == null) {
      throw new QueryUnavailableException(
          "no local " + replica + " of partition " + partition, Duration.ofSeconds(3));
    }
    return copy;
  }
}
