package dev.recordingsindexer.indexer.topology;

import dev.recordingsindexer.indexer.event.EventParser;
import dev.recordingsindexer.indexer.event.ParseResult;
import dev.recordingsindexer.indexer.event.RecordingEvent;
import dev.recordingsindexer.indexer.fold.FoldResult;
import dev.recordingsindexer.indexer.fold.RecordingFold;
import dev.recordingsindexer.indexer.fold.RecordingState;
import dev.recordingsindexer.indexer.store.RecordingStore;
import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds the commands of one recording SID (the record key) into the {@link RecordingStore}.
 *
 * <ul>
 *   <li>purge: removes the recording and leaves a purge marker stamped with wall-clock time;
 *   <li>event for a purged SID: dropped, so a purge is not undone by late events;
 *   <li>event: {@link RecordingFold#apply}; an unchanged state is not written again; a rejection
 *       (account conflict) dead-letters the original record.
 * </ul>
 *
 * <p>Forwards only dead letters. Schedules {@link PurgeMarkerExpiry} on wall-clock time. Never
 * throws because of a record's content; {@link StreamsException}s (store failures, task migration)
 * propagate.
 */
final class FoldStep implements Processor<String, Envelope, String, DeadLetter> {

  private static final Logger LOG = LoggerFactory.getLogger(FoldStep.class);

  private final EventParser parser;
  private final IndexerListener listener;
  private final Duration purgeMarkerRetention;
  private ProcessorContext<String, DeadLetter> context;
  private RecordingStore store;

  FoldStep(EventParser parser, IndexerListener listener, Duration purgeMarkerRetention) {
    this.parser = Objects.requireNonNull(parser, "parser");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.purgeMarkerRetention = Objects.requireNonNull(purgeMarkerRetention, "retention");
  }

  @Override
  public void init(ProcessorContext<String, DeadLetter> context) {
    this.context = context;
    this.store = context.getStateStore(RecordingStore.NAME);
    // Processors are initialized once the task's stores are restored: from now on the store holds
    // its whole partition and may answer queries as the active copy.
    store.processing(true);
    if (!IndexerSettings.FOREVER.equals(purgeMarkerRetention)) {
      PurgeMarkerExpiry expiry = new PurgeMarkerExpiry(store, purgeMarkerRetention);
      context.schedule(expiry.interval(), PunctuationType.WALL_CLOCK_TIME, expiry);
    }
  }

  @Override
  public void process(Record<String, Envelope> record) {
    Envelope envelope = record.value();
    try {
      DeadLetter deadLetter = apply(record.key(), envelope);
      if (deadLetter != null) {
        context.forward(record.withValue(deadLetter));
      }
    } catch (StreamsException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.warn("Dead-lettering the record at {}: folding failed", envelope.origin(), e);
      context.forward(
          record.withValue(
              DeadLetter.failed(envelope.rawKey(), envelope.rawValue(), envelope.origin(), e)));
    }
  }

  /** Applies one command; returns the dead letter it produced, or null. */
  private DeadLetter apply(String sid, Envelope envelope) {
    if (envelope.kind() == Envelope.Kind.PURGE) {
      store.purge(sid, context.currentSystemTimeMs());
      listener.onPurged();
      return null;
    }
    // One read for a known recording: only one without a state can be purged.
    RecordingState current = store.state(sid).orElse(null);
    if (current == null && store.isPurged(sid)) {
      LOG.debug("Dropping an event for purged recording {} from {}", sid, envelope.origin());
      return null;
    }
    RecordingEvent event = envelope.parsed() != null ? envelope.parsed() : parse(envelope);
    if (!event.recordingSid().equals(sid)) {
      throw new IllegalStateException("the routed event is not for recording " + sid);
    }
    FoldResult result = RecordingFold.apply(current, event);
    if (result instanceof FoldResult.Rejected rejected) {
      return DeadLetter.rejected(
          envelope.rawKey(),
          envelope.rawValue(),
          envelope.origin(),
          DeadLetter.ACCOUNT_CONFLICT,
          rejected.reason());
    }
    RecordingState next = ((FoldResult.Applied) result).state();
    if (!next.equals(current)) {
      store.put(next);
    }
    return null;
  }

  @Override
  public void close() {
    // The task stops processing (closed, or turned into a standby): the store no longer answers as
    // the active copy.
    if (store != null) {
      store.processing(false);
    }
  }

  private RecordingEvent parse(Envelope envelope) {
    if (parser.parse(envelope.rawValue()) instanceof ParseResult.Valid valid) {
      return valid.event();
    }
    throw new IllegalStateException("the routed event no longer parses");
  }
}
