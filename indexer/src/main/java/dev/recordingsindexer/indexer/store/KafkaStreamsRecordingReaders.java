package dev.recordingsindexer.indexer.store;

import dev.recordingsindexer.indexer.query.QueryUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * The local recordings store partitions of a running {@link KafkaStreams}, for a query that must
 * see all of them. Answers only when this instance holds every partition as an active, restored
 * task; otherwise {@link QueryUnavailableException} says which is missing and why. Thread-safe.
 *
 * <p>The partition count is the one Kafka Streams' metadata reports for the store's source topics
 * (read through {@code queryMetadataForKey}, the only public API that exposes it); it is known once
 * the first assignment is done, and fixed from then on (the topology's partition count is read from
 * the input topic at start).
 *
 * <p>Both lookups take locks the stream thread also holds, so they are not repeated for every
 * request: the count is looked up once, and the stores are kept in {@link ActiveStores}.
 */
public final class KafkaStreamsRecordingReaders implements RecordingReaders {

  /** How long a client should wait before retrying an unavailable query. */
  public static final Duration RETRY_AFTER = Duration.ofSeconds(2);

  private final KafkaStreams streams;
  private final String storeName;
  // Null until the partition count is known; then one kept store per partition.
  private volatile ActiveStores stores;

  public KafkaStreamsRecordingReaders(KafkaStreams streams) {
    this(streams, RecordingStore.NAME);
  }

  public KafkaStreamsRecordingReaders(KafkaStreams streams, String storeName) {
    this.streams = Objects.requireNonNull(streams, "streams");
    this.storeName = Objects.requireNonNull(storeName, "storeName");
  }

  @Override
  public List<RecordingReader> all() {
    KafkaStreams.State state = streams.state();
    if (state != KafkaStreams.State.RUNNING) {
      throw unavailable("the stream processor is " + state, null);
    }
    int partitions = partitionCount();
    List<RecordingReader> readers = new ArrayList<>(partitions);
    for (int partition = 0; partition < partitions; partition++) {
      readers.add(reader(partition));
    }
    return readers;
  }

  /** The number of partitions of the store, as the cluster metadata reports it. */
  public int partitionCount() {
    ActiveStores known = stores;
    if (known != null) {
      return known.partitions();
    }
    AtomicInteger count = new AtomicInteger(-1);
    KeyQueryMetadata metadata;
    try {
      metadata = streams.queryMetadataForKey(storeName, "", countingPartitioner(count));
    } catch (InvalidStateStoreException | IllegalStateException e) {
      throw unavailable("the stream processor is not running", e);
    }
    if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata) || count.get() < 1) {
      throw unavailable("the partitions of store " + storeName + " are not assigned yet", null);
    }
    stores = new ActiveStores(count.get());
    return count.get();
  }

  /**
   * The reader of one partition, if this instance holds it as an active, restored task.
   *
   * @throws QueryUnavailableException otherwise
   */
  public RecordingReader reader(int partition) {
    return new AvailabilityGuardedReader(
        stores.get(partition, this::lookUp), partition, RETRY_AFTER);
  }

  private RecordingReader lookUp(int partition) {
    try {
      return streams.store(
          StoreQueryParameters.fromNameAndType(
                  storeName, RecordingStores.activeQueryableStoreType())
              .withPartition(partition));
    } catch (InvalidStateStoreException e) {
      throw unavailable(
          "partition "
              + partition
              + " of store "
              + storeName
              + " is not an active, restored task of this instance",
          e);
    }
  }

  private static StreamPartitioner<String, Void> countingPartitioner(AtomicInteger count) {
    return (topic, key, value, numPartitions) -> {
      count.set(numPartitions);
      return Optional.of(Set.of(0));
    };
  }

  private QueryUnavailableException unavailable(String reason, Exception cause) {
    return cause == null
        ? new QueryUnavailableException(reason, RETRY_AFTER)
        : new QueryUnavailableException(reason, RETRY_AFTER, cause);
  }
}
