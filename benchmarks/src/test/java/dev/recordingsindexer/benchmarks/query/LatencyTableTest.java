package dev.recordingsindexer.benchmarks.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyTableTest {

  @Test
  void shouldReportCountsRatesPercentilesAndMaximumInMilliseconds() {
    Histogram room = new Histogram(3);
    for (int i = 1; i <= 1000; i++) {
      room.recordValue(i * 10L); // 0.01 .. 10 ms
    }
    LatencyTable table = new LatencyTable(Map.of("room", room), 10, true);

    LatencyTable.Row row = table.rows().get(0);

    assertThat(table.rows()).hasSize(1);
    assertThat(row.name()).isEqualTo("room");
    assertThat(row.count()).isEqualTo(1000);
    assertThat(row.perSecond()).isEqualTo(100.0);
    assertThat(row.p50()).isEqualTo(5.0, offset(0.01));
    assertThat(row.percentileMillis()[1]).isEqualTo(9.0, offset(0.01));
    assertThat(row.p99()).isEqualTo(9.9, offset(0.01));
    assertThat(row.maxMillis()).isEqualTo(10.0, offset(0.01));
  }

  @Test
  void shouldMergeTheSeriesIntoAnOverallRowAndSkipEmptyOnes() {
    Map<String, Histogram> series = new LinkedHashMap<>();
    series.put("fast", histogram(1000, 1000));
    series.put("unused", new Histogram(3));
    series.put("slow", histogram(3000, 20_000));

    List<LatencyTable.Row> rows = new LatencyTable(series, 2, true).rows();

    assertThat(rows).extracting(LatencyTable.Row::name).containsExactly("fast", "slow", "overall");
    LatencyTable.Row overall = rows.get(2);
    assertThat(overall.count()).isEqualTo(4000);
    assertThat(overall.perSecond()).isEqualTo(2000.0);
    assertThat(overall.p50()).isEqualTo(20.0, offset(0.02));
    assertThat(overall.maxMillis()).isEqualTo(20.0, offset(0.02));
  }

  @Test
  void shouldLeaveOutTheOverallRowWhenTheSeriesMeasureDifferentThings() {
    Map<String, Histogram> series = new LinkedHashMap<>();
    series.put("visible", histogram(10, 50_000));
    series.put("acked", histogram(10, 2_000));

    assertThat(new LatencyTable(series, 1, false).rows())
        .extracting(LatencyTable.Row::name)
        .containsExactly("visible", "acked");
  }

  @Test
  void shouldFormatOneLinePerRowUnderAHeader() {
    String text = new LatencyTable(Map.of("room", histogram(5, 1500)), 1, true).format();

    assertThat(text.lines().toList())
        .hasSize(2)
        .satisfies(lines -> assertThat(lines.get(0)).contains("p99 ms", "max ms"))
        .satisfies(lines -> assertThat(lines.get(1)).startsWith("room").contains("1.50"));
  }

  @Test
  void shouldKeepTheTableFixedWhenTheHistogramChangesLater() {
    Histogram live = histogram(10, 1000);
    LatencyTable table = new LatencyTable(Map.of("room", live), 1, true);

    live.recordValue(900_000);

    assertThat(table.rows().get(0).maxMillis()).isEqualTo(1.0, offset(0.01));
  }

  private static Histogram histogram(int count, long micros) {
    Histogram h = new Histogram(3);
    h.recordValueWithCount(micros, count);
    return h;
  }
}
