package dev.recordingsindexer.indexer.topology;

import dev.recordingsindexer.indexer.event.EventParser;
import dev.recordingsindexer.indexer.store.IndexBuilds;
import dev.recordingsindexer.indexer.store.RecordingStore;
import dev.recordingsindexer.indexer.store.RecordingStores;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.GroupProtocol;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndFailProcessingExceptionHandler;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Wires the indexer: route and re-key ({@link EventRouter}); fold into the indexed store ({@link
 * FoldStep}) at once when the record was read from its SID's partition, else after a hop through
 * the repartition topic (both folds share the store, so they form one sub-topology reading the
 * input and the repartition topic, partitioned alike); and write everything unusable to the
 * dead-letter topic unchanged ({@link DeadLetterRecords}). Every node, topic and store has an
 * explicit name, so the internal topics are {@code <application.id>-recordings-by-sid-repartition}
 * and {@code <application.id>-recordings-changelog}.
 */
public final class RecordingsTopology {

  /** Changelog records per restore batch (the restore consumer's max.poll.records; Kafka: 1000). */
  static final int RESTORE_BATCH_RECORDS = 10_000;

  private RecordingsTopology() {}

  /**
   * The topology for an input topic of {@code inputPartitions} partitions (read it from the cluster
   * at start: it fixes where each recording SID lives, see {@link SidPartitioner}).
   */
  public static Topology build(
      IndexerSettings settings, IndexerListener listener, int inputPartitions) {
    return build(settings, listener, inputPartitions, new IndexBuilds());
  }

  /**
   * Like {@link #build(IndexerSettings, IndexerListener, int)}, its stores building their indexes
   * when {@code builds} hears that their restore ended (from the instance's restore listener).
   */
  public static Topology build(
      IndexerSettings settings, IndexerListener listener, int inputPartitions, IndexBuilds builds) {
    return build(settings, listener, inputPartitions, RecordingStores.builder(builds));
  }

  /** The topology over the given recordings store (named {@link RecordingStore#NAME}). */
  static Topology build(
      IndexerSettings settings,
      IndexerListener listener,
      int inputPartitions,
      StoreBuilder<?> recordings) {
    if (!RecordingStore.NAME.equals(recordings.name())) {
      throw new IllegalArgumentException(
          "the recordings store must be named " + RecordingStore.NAME);
    }
    EventParser parser = new EventParser();
    TopicSpec<byte[], byte[]> input = Topics.input(settings);
    TopicSpec<byte[], byte[]> deadLetters = Topics.deadLetters(settings);
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(recordings);

    KStream<String, Routed> routed =
        builder.stream(input.name(), input.consumed("read-recording-events"))
            .process(
                () -> new EventRouter(parser, listener, inputPartitions),
                Named.as("route-by-recording-sid"));
    KStream<String, DeadLetter> rejectedHere =
        routed
            .flatMapValues(Routed::localEnvelopes, Named.as("take-local-envelopes"))
            .process(
                () -> new FoldStep(parser, listener, settings.purgeMarkerRetention()),
                Named.as("fold-in-place"),
                RecordingStore.NAME);
    KStream<String, DeadLetter> rejectedThere =
        routed
            .flatMapValues(Routed::envelopes, Named.as("take-envelopes"))
            .repartition(
                Topics.BY_RECORDING_SID
                    .repartitioned()
                    .withStreamPartitioner(new SidPartitioner())
                    .withNumberOfPartitions(inputPartitions))
            .process(
                () -> new FoldStep(parser, listener, settings.purgeMarkerRetention()),
                Named.as("fold-into-store"),
                RecordingStore.NAME);
    routed
        .flatMapValues(Routed::deadLetters, Named.as("take-dead-letters"))
        .merge(rejectedHere, Named.as("merge-rejected-in-place"))
        .merge(rejectedThere, Named.as("merge-dead-letters"))
        .process(() -> new DeadLetterRecords(listener), Named.as("restore-original-records"))
        .to(deadLetters.name(), deadLetters.produced("write-dead-letters"));
    return builder.build();
  }

  /**
   * Streams settings the topology depends on (exactly-once, exception handlers, dead-letter topic);
   * the process adds bootstrap servers, application id, state dir and server address.
   */
  public static Map<String, Object> streamsDefaults(IndexerSettings settings) {
    Map<String, Object> config = new HashMap<>();
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    // The recordings store commits its data with its changelog offsets (KIP-892): after a crash
    // under exactly-once it is restored from its last commit instead of wiped and rebuilt whole.
    config.put(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG, true);
    // The fold's task reads the input and the repartition topic. By default it stops whenever one
    // of them has nothing buffered, to interleave them by timestamp, and waits for a fetch (a third
    // of the stream thread's time while indexing a backlog). The fold does not need that order: its
    // result is the same in any order of arrival (contract, fold rules).
    config.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
    // Restoring applies only the last changelog record of each recording in a batch: larger batches
    // collapse more of a recording's records into one write.
    config.put(
        StreamsConfig.restoreConsumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG),
        RESTORE_BATCH_RECORDS);
    config.put(
        StreamsConfig.GROUP_PROTOCOL_CONFIG, GroupProtocol.CLASSIC.name.toLowerCase(Locale.ROOT));
    config.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    config.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
    config.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
    config.put(
        StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, settings.deadLetterTopic());
    config.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueExceptionHandler.class);
    // The processors dead-letter bad content themselves; what reaches Streams is a failed store
    // (e.g. a full disk) or a bug: skipping the record would lose it for good, so fail the task.
    config.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndFailProcessingExceptionHandler.class);
    config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    config.put(
        StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetteringProductionExceptionHandler.class);
    return Map.copyOf(config);
  }
}
