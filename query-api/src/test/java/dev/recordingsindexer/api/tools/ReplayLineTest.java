package dev.recordingsindexer.api.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayLineTest {

  private static final String SID = "RT00000000000000000000000000000001";

  @Test
  void shouldKeyABareEventByItsRecordingSidAndKeepItsText() throws Exception {
    String line = "{\"event_type\":\"recording-started\",\"recording_sid\":\"" + SID + "\"}";

    assertThat(ReplayLine.parse(line)).isEqualTo(new ReplayLine(SID, line));
  }

  @Test
  void shouldWriteAnEnvelopeObjectValueAsCompactJson() throws Exception {
    ReplayLine line = ReplayLine.parse("{\"key\": \"k\", \"value\": {\"a\": 1}}");

    assertThat(line).isEqualTo(new ReplayLine("k", "{\"a\":1}"));
  }

  @Test
  void shouldWriteAnEnvelopeStringValueAsItsExactText() throws Exception {
    ReplayLine line = ReplayLine.parse("{\"key\": null, \"value\": \"not json {\"}");

    assertThat(line).isEqualTo(new ReplayLine(null, "not json {"));
  }

  @Test
  void shouldReadANullValueAsATombstone() throws Exception {
    ReplayLine line = ReplayLine.parse("{\"key\": \"" + SID + "\", \"value\": null}");

    assertThat(line.isTombstone()).isTrue();
    assertThat(line.key()).isEqualTo(SID);
  }

  @Test
  void shouldRejectATombstoneWithoutAKey() {
    assertThatThrownBy(() -> ReplayLine.parse("{\"value\": null}"))
        .isInstanceOf(ReplayLine.RejectedLineException.class)
        .hasMessageContaining("needs a key");
  }

  @Test
  void shouldRejectLinesThatAreNotJsonObjects() {
    for (String bad :
        List.of(
            "{oops",
            "[1,2]",
            "42",
            "{\"key\": 5, \"value\": \"x\"}",
            "{\"key\": \"k\", \"value\": 5}")) {
      assertThatThrownBy(() -> ReplayLine.parse(bad))
          .as(bad)
          .isInstanceOf(ReplayLine.RejectedLineException.class);
    }
  }

  @Test
  void shouldGenerateTheSameDemoForTheSameAccount() {
    String account = "AC" + "ab".repeat(16);
    Instant base = Instant.parse("2026-01-01T00:00:00Z");

    List<ReplayLine> events = DemoEvents.generate(account, base);

    assertThat(events).isEqualTo(DemoEvents.generate(account, base));
    assertThat(events.stream().map(ReplayLine::key).distinct())
        .hasSize(DemoEvents.ROOMS * DemoEvents.PARTICIPANTS * 2)
        .allMatch(sid -> sid.matches("RT[0-9a-f]{32}"));
    assertThat(events).allMatch(e -> e.value().contains(account));
  }
}
