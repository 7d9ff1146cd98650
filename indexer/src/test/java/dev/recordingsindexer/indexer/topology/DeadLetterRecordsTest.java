package dev.recordingsindexer.indexer.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

class DeadLetterRecordsTest {

  private final List<String> categories = new ArrayList<>();
  private final MockProcessorContext<byte[], byte[]> context = new MockProcessorContext<>();

  @Test
  void shouldWriteTheOriginalRecordWithKafkasDeadLetterHeaders() {
    DeadLetterRecords step = new DeadLetterRecords(recordingCategories());
    step.init(context);
    RecordHeaders original = new RecordHeaders();
    original.add("trace", Events.bytes("t-1"));
    DeadLetter deadLetter =
        DeadLetter.rejected(
            Events.bytes("key"),
            Events.bytes("not json"),
            new Origin("recording-events", 4, 123L),
            DeadLetter.SCHEMA,
            "value is not JSON");

    step.process(new Record<>(null, deadLetter, 42L, original));

    Record<? extends byte[], ? extends byte[]> out = context.forwarded().get(0).record();
    assertThat(out.key()).isEqualTo(Events.bytes("key"));
    assertThat(out.value()).isEqualTo(Events.bytes("not json"));
    assertThat(out.timestamp()).isEqualTo(42L);
    Headers headers = out.headers();
    assertThat(header(headers, "trace")).isEqualTo("t-1");
    assertThat(header(headers, "__streams.errors.exception"))
        .isEqualTo(InvalidRecordException.class.getName());
    assertThat(header(headers, "__streams.errors.message")).isEqualTo("schema: value is not JSON");
    assertThat(header(headers, "__streams.errors.topic")).isEqualTo("recording-events");
    assertThat(header(headers, "__streams.errors.partition")).isEqualTo("4");
    assertThat(header(headers, "__streams.errors.offset")).isEqualTo("123");
    assertThat(header(headers, DeadLetterHeaders.CATEGORY)).isEqualTo("schema");
    assertThat(headers.lastHeader("__streams.errors.stacktrace")).isNull();
    assertThat(original.toArray()).hasSize(1);
    assertThat(categories).containsExactly("schema");
  }

  @Test
  void shouldCarryTheStackTraceOfAnUnexpectedFailure() {
    DeadLetterRecords step = new DeadLetterRecords(recordingCategories());
    step.init(context);
    DeadLetter deadLetter =
        DeadLetter.failed(null, null, Origin.UNKNOWN, new IllegalStateException("boom"));

    step.process(new Record<>(null, deadLetter, 1L));

    Headers headers = context.forwarded().get(0).record().headers();
    assertThat(header(headers, "__streams.errors.exception"))
        .isEqualTo("java.lang.IllegalStateException");
    assertThat(header(headers, "__streams.errors.message")).isEqualTo("boom");
    assertThat(header(headers, "__streams.errors.stacktrace")).contains("IllegalStateException");
    assertThat(categories).containsExactly("unexpected");
  }

  @Test
  void shouldWriteARecordLargerThanKafkasDefaultsWholeAndCutOnlyBeyondTheLimit() {
    DeadLetterRecords step = new DeadLetterRecords(recordingCategories());
    step.init(context);
    byte[] tenMegabytes = new byte[10 * 1024 * 1024];
    byte[] tooLarge = new byte[RecordLimits.MAX_RECORD_BYTES];
    Origin origin = new Origin("recording-events", 0, 1L);

    step.process(new Record<>(null, rejected(tenMegabytes, origin), 1L));
    step.process(new Record<>(null, rejected(tooLarge, origin), 2L));

    Record<? extends byte[], ? extends byte[]> whole = context.forwarded().get(0).record();
    assertThat(whole.value()).isSameAs(tenMegabytes);
    assertThat(whole.headers().lastHeader(DeadLetterHeaders.TRUNCATED)).isNull();
    Record<? extends byte[], ? extends byte[]> cut = context.forwarded().get(1).record();
    int room = RecordLimits.MAX_RECORD_BYTES - RecordLimits.FRAMING_BYTES;
    assertThat(cut.value().length).isLessThanOrEqualTo(room);
    assertThat(header(cut.headers(), DeadLetterHeaders.TRUNCATED))
        .contains(" bytes do not fit in " + room);
    assertThat(header(cut.headers(), "__streams.errors.offset")).isEqualTo("1");
    assertThat(categories).containsExactly("schema", "schema");
  }

  private static DeadLetter rejected(byte[] value, Origin origin) {
    return DeadLetter.rejected(null, value, origin, DeadLetter.SCHEMA, "too long");
  }

  private IndexerListener recordingCategories() {
    return new IndexerListener() {
      @Override
      public void onDeadLettered(String reason) {
        categories.add(reason);
      }
    };
  }

  static String header(Headers headers, String name) {
    return headers.lastHeader(name) == null ? null : Events.text(headers.lastHeader(name).value());
  }
}
