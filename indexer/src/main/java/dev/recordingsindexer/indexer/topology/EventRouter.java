package dev.recordingsindexer.indexer.topology;

import dev.recordingsindexer.indexer.event.EventParser;
import dev.recordingsindexer.indexer.event.ParseResult;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first step: validates each input record and keys it by recording SID, whatever key the
 * producer chose.
 *
 * <ul>
 *   <li>a valid event becomes an {@link Envelope#event} keyed by its {@code recording_sid};
 *   <li>a tombstone whose key is a recording SID becomes an {@link Envelope#purge} keyed by it;
 *   <li>a command whose SID belongs to the partition being read ({@link SidPartitioner}) is marked
 *       {@link Routed.Local} and folded by this task at once, with the event already parsed; any
 *       other goes through the repartition topic to the task owning its SID. Producers that key by
 *       recording SID (as the contract recommends) thus never pay for the repartition hop;
 *   <li>anything else (invalid value, tombstone without a recording SID key, an unexpected failure)
 *       becomes a {@link DeadLetter}, with a null key.
 * </ul>
 *
 * <p>Never throws because of a record's content; Kafka's own exceptions ({@link StreamsException})
 * propagate so that Streams can handle them (task migration, a broken store).
 */
final class EventRouter implements Processor<byte[], byte[], String, Routed> {

  private static final Logger LOG = LoggerFactory.getLogger(EventRouter.class);
  private static final Pattern RECORDING_SID = Pattern.compile("RT[0-9a-fA-F]{32}");
  private static final String TOMBSTONE_KEY_REASON =
      "a null value (tombstone) needs a recording SID (RT + 32 hex digits) as its key";

  private final EventParser parser;
  private final IndexerListener listener;
  private final int partitions;
  private ProcessorContext<String, Routed> context;

  /**
   * @param partitions the partition count of the input topic, which the repartition topic shares
   */
  EventRouter(EventParser parser, IndexerListener listener, int partitions) {
    this.parser = Objects.requireNonNull(parser, "parser");
    this.listener = Objects.requireNonNull(listener, "listener");
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be >= 1: " + partitions);
    }
    this.partitions = partitions;
  }

  @Override
  public void init(ProcessorContext<String, Routed> context) {
    this.context = context;
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    listener.onConsumed();
    Origin origin = Origin.of(context);
    Record<String, Routed> routed;
    try {
      routed = route(record, origin);
    } catch (StreamsException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.warn("Dead-lettering the record at {}: routing failed", origin, e);
      routed = deadLetter(record, DeadLetter.failed(record.key(), record.value(), origin, e));
    }
    context.forward(routed);
  }

  private Record<String, Routed> route(Record<byte[], byte[]> record, Origin origin) {
    if (record.value() == null) {
      String sid = tombstoneSid(record.key());
      if (sid == null) {
        return deadLetter(
            record,
            DeadLetter.rejected(
                record.key(), null, origin, DeadLetter.TOMBSTONE, TOMBSTONE_KEY_REASON));
      }
      return command(record, sid, Envelope.purge(record.key(), origin), origin);
    }
    ParseResult result = parser.parse(record.value());
    if (result instanceof ParseResult.Valid valid) {
      String sid = valid.event().recordingSid();
      return command(
          record, sid, Envelope.event(record.key(), record.value(), origin, valid.event()), origin);
    }
    String reason = ((ParseResult.Invalid) result).reason();
    return deadLetter(
        record,
        DeadLetter.rejected(record.key(), record.value(), origin, DeadLetter.SCHEMA, reason));
  }

  private Record<String, Routed> command(
      Record<byte[], byte[]> record, String sid, Envelope envelope, Origin origin) {
    boolean local = origin.partition() == SidPartitioner.partitionOf(sid, partitions);
    return record.withKey(sid).withValue(local ? new Routed.Local(envelope) : envelope);
  }

  private static Record<String, Routed> deadLetter(
      Record<byte[], byte[]> record, DeadLetter deadLetter) {
    return record.<String>withKey(null).withValue(deadLetter);
  }

  private static String tombstoneSid(byte[] key) {
    if (key == null) {
      return null;
    }
    String text = new String(key, StandardCharsets.UTF_8);
    return RECORDING_SID.matcher(text).matches() ? text : null;
  }
}
