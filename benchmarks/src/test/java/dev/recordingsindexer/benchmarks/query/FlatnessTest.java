package dev.recordingsindexer.benchmarks.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class FlatnessTest {

  private static final double THIRTY_MINUTES = 1800;

  @Test
  void shouldCallAMetricThatOnlyWobblesFlat() {
    List<SoakSample> samples = run(SoakMetric.RSS, t -> 400 + 5 * Math.sin(t / 30));

    assertThat(verdict(samples, SoakMetric.RSS).flat()).isTrue();
  }

  @Test
  void shouldCallAMetricThatGrowsSteadilyAGrowth() {
    // 400 MiB growing 2 MiB a minute: about 450 MiB at the end, past 10% + 8 MiB
    List<SoakSample> samples = run(SoakMetric.RSS, t -> 400 + 2 * t / 60);

    Flatness.Verdict verdict = verdict(samples, SoakMetric.RSS);

    assertThat(verdict.flat()).isFalse();
    assertThat(verdict.firstMean()).isCloseTo(405, offset(0.5));
    assertThat(verdict.lastMean()).isCloseTo(455, offset(0.5));
  }

  @Test
  void shouldCallAFallingMetricFlat() {
    List<SoakSample> samples = run(SoakMetric.HEAP_LIVE_AFTER_GC, t -> 300 - t / 60);

    assertThat(verdict(samples, SoakMetric.HEAP_LIVE_AFTER_GC).flat()).isTrue();
  }

  @Test
  void shouldTolerateGrowthUpToTheShareAndTheAllowance() {
    assertThat(Flatness.isFlat(20, 30, 10)).isTrue();
    assertThat(Flatness.isFlat(20, 32.1, 10)).isFalse();
    assertThat(Flatness.isFlat(1000, 1100, 0)).isTrue();
    assertThat(Flatness.isFlat(1000, 1100.1, 0)).isFalse();
  }

  @Test
  void shouldGiveNoVerdictForAMetricTheServiceNeverReported() {
    List<SoakSample> samples = run(SoakMetric.RSS, t -> 400);

    Flatness.Verdict verdict = verdict(samples, SoakMetric.ROCKSDB_CACHE);

    assertThat(verdict.flat()).isNull();
    assertThat(verdict.word()).isEqualTo("n/a");
  }

  @Test
  void shouldCompareThirdsOfARunShorterThanFifteenMinutes() {
    assertThat(Flatness.windowSeconds(120)).isEqualTo(40);
    assertThat(Flatness.windowSeconds(THIRTY_MINUTES)).isEqualTo(300);
  }

  @Test
  void shouldJudgeOnlyTheMetricsThatMustStayFlat() {
    List<SoakSample> samples = run(SoakMetric.INGEST_RATE, t -> t);

    assertThat(Flatness.judge(samples, THIRTY_MINUTES))
        .extracting(Flatness.Verdict::metric)
        .doesNotContain(SoakMetric.INGEST_RATE, SoakMetric.QUERY_RATE, SoakMetric.LOAD_AVERAGE)
        .contains(SoakMetric.RSS, SoakMetric.OPEN_FILES, SoakMetric.ROCKSDB_CACHE);
  }

  /** A 30-minute run sampled every 10 s (first sample at 10 s) with one metric set. */
  private static List<SoakSample> run(SoakMetric metric, DoubleUnaryOperator valueAt) {
    List<SoakSample> samples = new ArrayList<>();
    for (int t = 10; t <= THIRTY_MINUTES; t += 10) {
      samples.add(new SoakSample(t, Map.of(metric, valueAt.applyAsDouble(t))));
    }
    return samples;
  }

  private static Flatness.Verdict verdict(List<SoakSample> samples, SoakMetric metric) {
    return Flatness.judge(samples, THIRTY_MINUTES).stream()
        .filter(v -> v.metric() == metric)
        .findFirst()
        .orElseThrow();
  }
}
