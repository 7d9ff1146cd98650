package dev.recordingsindexer.api.routing;

import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.query.PartitionScanRequest;
import dev.recordingsindexer.indexer.query.QueryUnavailableException;
import dev.recordingsindexer.indexer.store.KafkaStreamsRecordingReaders;
import dev.recordingsindexer.indexer.store.RecordingReader;
import dev.recordingsindexer.indexer.store.RecordingStores;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.LagInfo;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * {@link LocalReplicas} over a running {@link KafkaStreams} client. {@link Replica#ACTIVE} reads
 * only an active, restored task; {@link Replica#STANDBY} reads only a local STANDBY task (stale
 * stores enabled) whose offset lag, per {@code allLocalStorePartitionLags()}, is at most {@code
 * maxStandbyLag} records. An active task that is still restoring is never read ({@link
 * RecordingStores#activeQueryableStoreType()}): it may hold only part of its partition, and a
 * partial answer must be a 503, not a short page. The lag is checked before the read, so a copy may
 * fall slightly further behind while it is read; the bound is the operator's tolerance, not a
 * guarantee of freshness.
 */
public final class StreamsLocalReplicas implements LocalReplicas {

  private final KafkaStreams streams;
  private final String storeName;
  private final long maxStandbyLag;
  private final LocalScanner scanner;

  /**
   * @param maxStandbyLag the largest offset lag (records) at which a standby may answer, >= 0
   */
  public StreamsLocalReplicas(
      KafkaStreams streams, String storeName, long maxStandbyLag, LocalScanner scanner) {
    this.streams = Objects.requireNonNull(streams, "streams");
    this.storeName = Objects.requireNonNull(storeName, "storeName");
    this.scanner = Objects.requireNonNull(scanner, "scanner");
    if (maxStandbyLag < 0) {
      throw new IllegalArgumentException("maxStandbyLag must be >= 0: " + maxStandbyLag);
    }
    this.maxStandbyLag = maxStandbyLag;
  }

  @Override
  public List<Recording> scan(int partition, PartitionScanRequest request, Replica replica) {
    return read(partition, replica, reader -> scanner.scan(reader, request));
  }

  @Override
  public Optional<Recording> fetch(int partition, String sid, Replica replica) {
    return read(partition, replica, reader -> reader.get(sid));
  }

  private <T> T read(int partition, Replica replica, Function<RecordingReader, T> reading) {
    try {
      return reading.apply(reader(partition, replica));
    } catch (InvalidStateStoreException | IllegalStateException e) {
      throw unavailable(
          "the local " + kind(replica) + " of partition " + partition + " closed during the read",
          e);
    }
  }

  private RecordingReader reader(int partition, Replica replica) {
    StoreQueryParameters<RecordingReader> parameters;
    if (replica == Replica.STANDBY) {
      checkLag(partition);
      parameters =
          StoreQueryParameters.fromNameAndType(storeName, RecordingStores.queryableStoreType())
              .withPartition(partition)
              .enableStaleStores();
    } else {
      parameters =
          StoreQueryParameters.fromNameAndType(
                  storeName, RecordingStores.activeQueryableStoreType())
              .withPartition(partition);
    }
    try {
      return streams.store(parameters);
    } catch (InvalidStateStoreException e) {
      throw unavailable(
          "partition " + partition + " has no queryable local " + kind(replica) + " here", e);
    }
  }

  private void checkLag(int partition) {
    Map<Integer, LagInfo> lags;
    boolean standby;
    try {
      lags = streams.allLocalStorePartitionLags().getOrDefault(storeName, Map.of());
      // Only the fold's sub-topology is stateful, so a standby task of partition p holds the
      // store's partition p.
      standby =
          streams.metadataForLocalThreads().stream()
              .flatMap(thread -> thread.standbyTasks().stream())
              .anyMatch(task -> task.taskId().partition() == partition);
    } catch (InvalidStateStoreException | IllegalStateException e) {
      throw unavailable("the stream processor is not running", e);
    }
    if (!standby) {
      throw unavailable(
          "partition " + partition + " has no standby task here (a restoring active is not read)",
          null);
    }
    LagInfo lag = lags.get(partition);
    if (lag == null) {
      throw unavailable("partition " + partition + " has no local copy here", null);
    }
    if (lag.offsetLag() > maxStandbyLag) {
      throw unavailable(
          "the local copy of partition "
              + partition
              + " is "
              + lag.offsetLag()
              + " records behind (MAX_STANDBY_LAG "
              + maxStandbyLag
              + ")",
          null);
    }
  }

  private static String kind(Replica replica) {
    return replica == Replica.ACTIVE ? "active task" : "replica";
  }

  private static QueryUnavailableException unavailable(String reason, Exception cause) {
    return cause == null
        ? new QueryUnavailableException(reason, KafkaStreamsRecordingReaders.RETRY_AFTER)
        : new QueryUnavailableException(reason, KafkaStreamsRecordingReaders.RETRY_AFTER, cause);
  }
}
