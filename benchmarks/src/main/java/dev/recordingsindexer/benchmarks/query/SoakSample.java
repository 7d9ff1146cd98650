package dev.recordingsindexer.benchmarks.query;

import java.util.EnumMap;
import java.util.Map;

/**
 * One sample of a soak run: the seconds since the load started and each metric's value (NaN when
 * the service did not report it).
 */
record SoakSample(double elapsedSeconds, Map<SoakMetric, Double> values) {

  SoakSample {
    EnumMap<SoakMetric, Double> copy = new EnumMap<>(SoakMetric.class);
    for (SoakMetric metric : SoakMetric.values()) {
      copy.put(metric, values.getOrDefault(metric, Double.NaN));
    }
    values = copy;
  }

  double value(SoakMetric metric) {
    return values.get(metric);
  }
}
