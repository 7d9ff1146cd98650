package dev.recordingsindexer.benchmarks.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The soak's verdict: compares each metric's mean over the first window of the run with its mean
 * over the last window. A metric is flat when the last mean is at most {@value #GROWTH_PERCENT}%
 * above the first plus the metric's {@linkplain SoakMetric#allowance() allowance}; falling counts
 * as flat (a leak grows). The window is 5 minutes, or a third of a shorter run so the two never
 * overlap. Samples without a value (NaN) are left out; a window with none gives no verdict.
 */
final class Flatness {

  static final int GROWTH_PERCENT = 10;
  static final Duration WINDOW = Duration.ofMinutes(5);

  /**
   * One metric's comparison.
   *
   * @param flat null when either window had no value
   */
  record Verdict(SoakMetric metric, double firstMean, double lastMean, Boolean flat) {

    /** The change from first to last, in percent of the first; NaN when undefined. */
    double changePercent() {
      return firstMean == 0 ? Double.NaN : (lastMean - firstMean) / firstMean * 100;
    }

    String word() {
      return flat == null ? "n/a" : flat ? "flat" : "GROWS";
    }
  }

  private Flatness() {}

  /** The window compared at each end of a run of {@code runSeconds}. */
  static double windowSeconds(double runSeconds) {
    return Math.min(WINDOW.toSeconds(), runSeconds / 3);
  }

  /** The rule itself. */
  static boolean isFlat(double firstMean, double lastMean, double allowance) {
    return lastMean <= firstMean * (1 + GROWTH_PERCENT / 100.0) + allowance;
  }

  /** The verdict of every judged metric over {@code samples} of a run of {@code runSeconds}. */
  static List<Verdict> judge(List<SoakSample> samples, double runSeconds) {
    double window = windowSeconds(runSeconds);
    List<Verdict> verdicts = new ArrayList<>();
    for (SoakMetric metric : SoakMetric.values()) {
      if (!metric.judged()) {
        continue;
      }
      double first = mean(samples, metric, 0, window);
      double last = mean(samples, metric, runSeconds - window, Double.MAX_VALUE);
      Boolean flat =
          Double.isNaN(first) || Double.isNaN(last)
              ? null
              : isFlat(first, last, metric.allowance());
      verdicts.add(new Verdict(metric, first, last, flat));
    }
    return verdicts;
  }

  /** Mean of the metric over samples with from <= elapsed <= to; NaN when there is none. */
  static double mean(List<SoakSample> samples, SoakMetric metric, double from, double to) {
    double sum = 0;
    int count = 0;
    for (SoakSample sample : samples) {
      double value = sample.value(metric);
      if (sample.elapsedSeconds() >= from
          && sample.elapsedSeconds() <= to
          && !Double.isNaN(value)) {
        sum += value;
        count++;
      }
    }
    return count == 0 ? Double.NaN : sum / count;
  }

  /** The rule in words, for the report. */
  static String rule(double runSeconds) {
    return String.format(
        Locale.ROOT,
        "flat = mean of the last %.0f s <= mean of the first %.0f s x %.2f + the metric's"
            + " allowance (8 MiB for memory, 10 descriptors, 5 threads, 2,000 events of lag, 5 ms"
            + " of p99); falling is flat",
        windowSeconds(runSeconds),
        windowSeconds(runSeconds),
        1 + GROWTH_PERCENT / 100.0);
  }
}
