package dev.recordingsindexer.indexer.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class FittedDeadLetterTest {

  private static final int MAX = 10_000;

  private final Headers ours =
      DeadLetterHeaders.ours(
          DeadLetter.failed(
              null, null, new Origin("events", 2, 7L), new IllegalStateException("boom")));

  @Test
  void shouldPassARecordThatFitsUnchangedWithOurHeadersAfterTheOriginalOnes() {
    RecordHeaders original = new RecordHeaders();
    original.add("trace", Events.bytes("t-1"));

    FittedDeadLetter fitted =
        FittedDeadLetter.fit(Events.bytes("k"), Events.bytes("v"), original, ours, MAX);

    assertThat(fitted.key()).isEqualTo(Events.bytes("k"));
    assertThat(fitted.value()).isEqualTo(Events.bytes("v"));
    Header[] headers = fitted.headers().toArray();
    assertThat(headers[0].key()).isEqualTo("trace");
    assertThat(Arrays.stream(headers).map(Header::key))
        .containsSubsequence("trace", DeadLetterHeaders.EXCEPTION, DeadLetterHeaders.CATEGORY)
        .contains(DeadLetterHeaders.STACKTRACE)
        .doesNotContain(DeadLetterHeaders.TRUNCATED);
    assertThat(original.toArray()).hasSize(1);
  }

  @Test
  void shouldCutAnOversizedValueToFitAndSaySo() {
    byte[] value = new byte[3 * MAX];
    Arrays.fill(value, (byte) 'x');

    FittedDeadLetter fitted = FittedDeadLetter.fit(Events.bytes("k"), value, null, ours, MAX);

    assertThat(size(fitted)).isLessThanOrEqualTo(MAX);
    assertThat(fitted.value()).isNotEmpty().containsOnly((byte) 'x');
    assertThat(fitted.key()).isEqualTo(Events.bytes("k"));
    assertThat(DeadLetterRecordsTest.header(fitted.headers(), DeadLetterHeaders.TRUNCATED))
        .contains("value 30000 -> " + fitted.value().length + " bytes");
    assertThat(DeadLetterRecordsTest.header(fitted.headers(), DeadLetterHeaders.OFFSET))
        .isEqualTo("7");
    assertThat(fitted.headers().lastHeader(DeadLetterHeaders.STACKTRACE)).isNull();
  }

  @Test
  void shouldDropHugeOriginalHeadersButKeepOursWhenTheyDoNotFit() {
    RecordHeaders original = new RecordHeaders();
    original.add("huge", new byte[2 * MAX]);

    FittedDeadLetter fitted =
        FittedDeadLetter.fit(Events.bytes("k"), Events.bytes("v"), original, ours, MAX);

    assertThat(size(fitted)).isLessThanOrEqualTo(MAX);
    assertThat(fitted.headers().lastHeader("huge")).isNull();
    assertThat(fitted.value()).isEqualTo(Events.bytes("v"));
    assertThat(DeadLetterRecordsTest.header(fitted.headers(), DeadLetterHeaders.TRUNCATED))
        .contains("1 original headers (20014 bytes) dropped");
    assertThat(DeadLetterRecordsTest.header(fitted.headers(), DeadLetterHeaders.CATEGORY))
        .isEqualTo(DeadLetter.UNEXPECTED);
  }

  private static long size(FittedDeadLetter fitted) {
    long size = fitted.key() == null ? 0 : fitted.key().length;
    size += fitted.value() == null ? 0 : fitted.value().length;
    for (Header header : fitted.headers()) {
      size += header.key().length() + (header.value() == null ? 0 : header.value().length) + 10;
    }
    return size;
  }
}
