package dev.recordingsindexer.indexer.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recordingsindexer.indexer.event.EventParser;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventRouterTest {

  private static final int PARTITIONS = 6;
  private static final int HOME = SidPartitioner.partitionOf(Events.SID, PARTITIONS);
  private static final int ELSEWHERE = (HOME + 1) % PARTITIONS;

  private final AtomicInteger consumed = new AtomicInteger();
  private final MockProcessorContext<String, Routed> context = new MockProcessorContext<>();
  private final EventRouter router =
      new EventRouter(
          new EventParser(),
          new IndexerListener() {
            @Override
            public void onConsumed() {
              consumed.incrementAndGet();
            }
          },
          PARTITIONS);

  @BeforeEach
  void setUp() {
    router.init(context);
    context.setRecordMetadata("recording-events", ELSEWHERE, 17L);
  }

  @Test
  void shouldFoldInPlaceWithTheParsedEventWhenTheRecordWasReadFromItsSidsPartition() {
    context.setRecordMetadata("recording-events", HOME, 17L);
    String event = Events.json("started", "2026-01-01T10:00:00Z", Events.SID);

    route(Events.bytes(Events.ROOM), Events.bytes(event));

    Routed routed = single().value();
    assertThat(routed.envelopes()).isEmpty();
    assertThat(routed.localEnvelopes())
        .singleElement()
        .satisfies(envelope -> assertThat(envelope.parsed().recordingSid()).isEqualTo(Events.SID));
  }

  @Test
  void shouldSendACommandForAnotherPartitionWithoutItsParsedEvent() {
    String event = Events.json("started", "2026-01-01T10:00:00Z", Events.SID);

    route(Events.bytes(Events.SID), Events.bytes(event));

    Routed routed = single().value();
    assertThat(routed.localEnvelopes()).isEmpty();
    assertThat(routed.envelopes())
        .singleElement()
        .satisfies(envelope -> assertThat(envelope.parsed()).isNull());
  }

  @Test
  void shouldPurgeInPlaceWhenTheTombstoneWasReadFromItsSidsPartition() {
    context.setRecordMetadata("recording-events", HOME, 17L);

    route(Events.bytes(Events.SID), null);

    assertThat(single().value().localEnvelopes())
        .singleElement()
        .satisfies(envelope -> assertThat(envelope.kind()).isEqualTo(Envelope.Kind.PURGE));
  }

  @Test
  void shouldKeyAValidEventByItsRecordingSidWhateverTheProducersKey() {
    String event = Events.json("started", "2026-01-01T10:00:00Z", Events.SID);
    for (byte[] key : new byte[][] {Events.bytes(Events.SID), Events.bytes(Events.ROOM), null}) {
      context.resetForwards();

      route(key, Events.bytes(event));

      Record<? extends String, ? extends Routed> out = single();
      assertThat(out.key()).isEqualTo(Events.SID);
      assertThat(out.value()).isInstanceOf(Envelope.class);
      Envelope envelope = (Envelope) out.value();
      assertThat(envelope.kind()).isEqualTo(Envelope.Kind.EVENT);
      assertThat(envelope.rawKey()).isEqualTo(key);
      assertThat(Events.text(envelope.rawValue())).isEqualTo(event);
      assertThat(envelope.origin()).isEqualTo(new Origin("recording-events", ELSEWHERE, 17L));
    }
  }

  @Test
  void shouldTurnATombstoneKeyedByARecordingSidIntoAPurge() {
    route(Events.bytes(Events.SID), null);

    Record<? extends String, ? extends Routed> out = single();
    assertThat(out.key()).isEqualTo(Events.SID);
    assertThat(((Envelope) out.value()).kind()).isEqualTo(Envelope.Kind.PURGE);
  }

  @Test
  void shouldDeadLetterATombstoneWithoutARecordingSidKey() {
    for (byte[] key : new byte[][] {null, Events.bytes(Events.ROOM), Events.bytes("RT123")}) {
      context.resetForwards();

      route(key, null);

      DeadLetter deadLetter = (DeadLetter) single().value();
      assertThat(deadLetter.category()).isEqualTo(DeadLetter.TOMBSTONE);
      assertThat(deadLetter.rawKey()).isEqualTo(key);
      assertThat(deadLetter.rawValue()).isNull();
      assertThat(deadLetter.message()).contains("recording SID");
    }
  }

  @Test
  void shouldDeadLetterAnInvalidValueWithTheParsersReasonAndKeepTheHeaders() {
    RecordHeaders headers = new RecordHeaders();
    headers.add("trace", Events.bytes("t-1"));

    router.process(new Record<>(Events.bytes("k"), Events.bytes("not json"), 5L, headers));

    Record<? extends String, ? extends Routed> out = single();
    assertThat(out.key()).isNull();
    assertThat(out.headers().lastHeader("trace").value()).isEqualTo(Events.bytes("t-1"));
    DeadLetter deadLetter = (DeadLetter) out.value();
    assertThat(deadLetter.category()).isEqualTo(DeadLetter.SCHEMA);
    assertThat(deadLetter.exception()).isEqualTo(InvalidRecordException.class.getName());
    assertThat(deadLetter.message()).startsWith("schema: ");
    assertThat(Events.text(deadLetter.rawValue())).isEqualTo("not json");
    assertThat(deadLetter.origin()).isEqualTo(new Origin("recording-events", ELSEWHERE, 17L));
  }

  @Test
  void shouldCountEveryRecordItConsumes() {
    route(null, null);
    route(null, Events.bytes("[]"));
    route(null, Events.bytes(Events.json("started", "2026-01-01T10:00:00Z", Events.SID)));

    assertThat(consumed).hasValue(3);
    assertThat(context.forwarded()).hasSize(3);
  }

  private void route(byte[] key, byte[] value) {
    router.process(new Record<>(key, value, 1L));
  }

  private Record<? extends String, ? extends Routed> single() {
    List<MockProcessorContext.CapturedForward<? extends String, ? extends Routed>> forwarded =
        context.forwarded();
    assertThat(forwarded).hasSize(1);
    return forwarded.get(0).record();
  }
}
