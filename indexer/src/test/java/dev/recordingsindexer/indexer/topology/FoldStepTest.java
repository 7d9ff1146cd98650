package dev.recordingsindexer.indexer.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recordingsindexer.indexer.event.EventParser;
import dev.recordingsindexer.indexer.model.RecordingStatus;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FoldStepTest {

  private static final Duration RETENTION = Duration.ofHours(1);
  private static final Origin ORIGIN = new Origin("recording-events", 1, 99L);

  private final AtomicInteger purged = new AtomicInteger();
  private final FakeRecordingStore store = new FakeRecordingStore();
  private final MockProcessorContext<String, DeadLetter> context = new MockProcessorContext<>();
  private final FoldStep step =
      new FoldStep(
          new EventParser(),
          new IndexerListener() {
            @Override
            public void onPurged() {
              purged.incrementAndGet();
            }
          },
          RETENTION);

  @BeforeEach
  void setUp() {
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
    step.init(context);
    context.setCurrentSystemTimeMs(1_000_000L);
  }

  @Test
  void shouldLetTheStoreAnswerAsTheActiveCopyOnlyWhileTheStepIsInitialized() {
    // Kafka Streams initializes processors once the task's stores are restored, and closes them
    // when the task closes or becomes a standby.
    assertThat(store.processing).isTrue();

    step.close();

    assertThat(store.processing).isFalse();
  }

  @Test
  void shouldFoldEventsIntoTheStore() {
    event(Events.json("started", "2026-01-01T10:00:00Z", Events.SID));
    event(Events.json("completed", "2026-01-01T10:05:00Z", Events.SID));

    assertThat(store.get(Events.SID).orElseThrow().status()).isEqualTo(RecordingStatus.COMPLETED);
    assertThat(context.forwarded()).isEmpty();
  }

  @Test
  void shouldNotWriteAStateThatDidNotChange() {
    String started = Events.json("started", "2026-01-01T10:00:00Z", Events.SID);
    event(started);
    event(started);

    assertThat(store.puts).isEqualTo(1);
  }

  @Test
  void shouldDeadLetterTheOriginalRecordOnAnAccountConflict() {
    event(Events.json("started", "2026-01-01T10:00:00Z", Events.SID));
    String conflicting =
        Events.json("completed", "2026-01-01T10:01:00Z", Events.OTHER_ACCOUNT, Events.SID, "");
    byte[] rawKey = Events.bytes(Events.ROOM);

    step.process(
        new Record<>(Events.SID, Envelope.event(rawKey, Events.bytes(conflicting), ORIGIN), 7L));

    DeadLetter deadLetter = (DeadLetter) context.forwarded().get(0).record().value();
    assertThat(deadLetter.category()).isEqualTo(DeadLetter.ACCOUNT_CONFLICT);
    assertThat(deadLetter.rawKey()).isEqualTo(rawKey);
    assertThat(Events.text(deadLetter.rawValue())).isEqualTo(conflicting);
    assertThat(deadLetter.origin()).isEqualTo(ORIGIN);
    assertThat(store.get(Events.SID).orElseThrow().status()).isEqualTo(RecordingStatus.PROCESSING);
  }

  @Test
  void shouldPurgeAndIgnoreLaterEventsForThatSid() {
    event(Events.json("started", "2026-01-01T10:00:00Z", Events.SID));

    step.process(new Record<>(Events.SID, Envelope.purge(Events.bytes(Events.SID), ORIGIN), 7L));
    event(Events.json("completed", "2026-01-01T10:05:00Z", Events.SID));

    assertThat(store.get(Events.SID)).isEmpty();
    assertThat(store.purgeMarkers).containsEntry(Events.SID, 1_000_000L);
    assertThat(purged).hasValue(1);
    assertThat(context.forwarded()).isEmpty();
  }

  @Test
  void shouldDeadLetterARecordWhoseFoldFailsUnexpectedly() {
    store.failNextPut = new IllegalStateException("boom");

    event(Events.json("started", "2026-01-01T10:00:00Z", Events.SID));

    DeadLetter deadLetter = (DeadLetter) context.forwarded().get(0).record().value();
    assertThat(deadLetter.category()).isEqualTo(DeadLetter.UNEXPECTED);
    assertThat(deadLetter.exception()).isEqualTo(IllegalStateException.class.getName());
    assertThat(deadLetter.message()).isEqualTo("boom");
    assertThat(deadLetter.stackTrace()).contains("FoldStepTest");
  }

  @Test
  void shouldLetKafkasOwnExceptionsPropagate() {
    store.failNextPut = new ProcessorStateException("disk gone");

    assertThatThrownBy(() -> event(Events.json("started", "2026-01-01T10:00:00Z", Events.SID)))
        .isInstanceOf(ProcessorStateException.class);
  }

  @Test
  void shouldScheduleMarkerExpiryOnWallClockTime() {
    MockProcessorContext.CapturedPunctuator punctuator = context.scheduledPunctuators().get(0);
    assertThat(punctuator.getType()).isEqualTo(PunctuationType.WALL_CLOCK_TIME);
    store.purge(Events.SID, 0L);

    punctuator.getPunctuator().punctuate(RETENTION.toMillis() + 1);

    assertThat(store.isPurged(Events.SID)).isFalse();
  }

  private void event(String json) {
    step.process(
        new Record<>(
            Events.SID, Envelope.event(Events.bytes(Events.SID), Events.bytes(json), ORIGIN), 7L));
  }
}
