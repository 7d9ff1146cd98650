package dev.recordingsindexer.benchmarks.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Latency percentiles per named series (a query mix, a probe kind) plus an {@code overall} row that
 * merges them. Histograms hold microseconds; the table shows milliseconds. The histograms passed in
 * are copied, so later recording does not change a table.
 */
final class LatencyTable {

  /** The percentiles every row shows, besides the maximum. */
  static final double[] PERCENTILES = {50, 90, 99, 99.9};

  /** One row: a series' count, rate over the measured time, percentiles and maximum. */
  record Row(
      String name, long count, double perSecond, double[] percentileMillis, double maxMillis) {
    double p50() {
      return percentileMillis[0];
    }

    double p99() {
      return percentileMillis[2];
    }
  }

  private final Map<String, Histogram> series = new LinkedHashMap<>();
  private final double seconds;
  private final boolean overall;

  /**
   * @param seconds the measured wall time the counts were recorded over (for the rates)
   * @param overall whether an {@code overall} row merges the series (when they are parts of one
   *     load rather than different measures of the same events)
   */
  LatencyTable(Map<String, Histogram> series, double seconds, boolean overall) {
    series.forEach((name, h) -> this.series.put(name, h.copy()));
    this.seconds = seconds;
    this.overall = overall;
  }

  /** The histogram of one series, or of all merged for {@code overall}. */
  Histogram histogram(String name) {
    return name.equals("overall") ? merged() : series.get(name);
  }

  /** The series with at least one value, in the order given. */
  List<String> names() {
    return series.entrySet().stream()
        .filter(e -> e.getValue().getTotalCount() > 0)
        .map(Map.Entry::getKey)
        .toList();
  }

  /** One row per series with values, then the overall row (if wanted, and more than one). */
  List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (String name : names()) {
      rows.add(row(name, series.get(name)));
    }
    if (overall && rows.size() != 1) {
      rows.add(row("overall", merged()));
    }
    return rows;
  }

  /** The rows as a fixed-width text table with a header line. */
  String format() {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "%-15s %9s %9s %8s %8s %8s %8s %8s%n",
            "series",
            "count",
            "per s",
            "p50 ms",
            "p90 ms",
            "p99 ms",
            "p99.9 ms",
            "max ms"));
    for (Row row : rows()) {
      text.append(
          String.format(
              Locale.ROOT,
              "%-15s %9d %9.1f %8.2f %8.2f %8.2f %8.2f %8.2f%n",
              row.name(),
              row.count(),
              row.perSecond(),
              row.percentileMillis()[0],
              row.percentileMillis()[1],
              row.percentileMillis()[2],
              row.percentileMillis()[3],
              row.maxMillis()));
    }
    return text.toString();
  }

  /** The rows as maps for a JSON result line. */
  Map<String, Object> asJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    for (Row row : rows()) {
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("count", row.count());
      values.put("per_second", round(row.perSecond()));
      values.put("p50_ms", round(row.percentileMillis()[0]));
      values.put("p90_ms", round(row.percentileMillis()[1]));
      values.put("p99_ms", round(row.percentileMillis()[2]));
      values.put("p99_9_ms", round(row.percentileMillis()[3]));
      values.put("max_ms", round(row.maxMillis()));
      json.put(row.name(), values);
    }
    return json;
  }

  private Row row(String name, Histogram histogram) {
    double[] percentiles = new double[PERCENTILES.length];
    for (int i = 0; i < PERCENTILES.length; i++) {
      percentiles[i] = millis(histogram.getValueAtPercentile(PERCENTILES[i]));
    }
    long count = histogram.getTotalCount();
    return new Row(
        name,
        count,
        seconds > 0 ? count / seconds : 0,
        percentiles,
        millis(count == 0 ? 0 : histogram.getMaxValue()));
  }

  private Histogram merged() {
    Histogram all = new Histogram(3);
    series.values().forEach(all::add);
    return all;
  }

  static double millis(long micros) {
    return micros / 1000.0;
  }

  static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
