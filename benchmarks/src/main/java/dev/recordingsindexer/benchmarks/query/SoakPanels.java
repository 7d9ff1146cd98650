package dev.recordingsindexer.benchmarks.query;

import dev.recordingsindexer.benchmarks.query.TimeSeriesPlot.Line;
import dev.recordingsindexer.benchmarks.query.TimeSeriesPlot.Panel;
import java.util.ArrayList;
import java.util.List;

/** The soak plot's panels: which metrics share a panel, in reading order. */
final class SoakPanels {

  private SoakPanels() {}

  static List<Panel> of(List<SoakSample> samples) {
    List<SoakSample> copy = List.copyOf(samples);
    List<Panel> panels = new ArrayList<>();
    panels.add(
        panel(
            copy,
            "heap (MiB)",
            SoakMetric.HEAP_USED,
            SoakMetric.HEAP_OLD_GEN,
            SoakMetric.HEAP_LIVE_AFTER_GC));
    panels.add(panel(copy, "RSS and non-heap (MiB)", SoakMetric.RSS, SoakMetric.NON_HEAP));
    panels.add(
        panel(
            copy, "RocksDB memory (MiB)", SoakMetric.ROCKSDB_CACHE, SoakMetric.ROCKSDB_MEMTABLES));
    panels.add(panel(copy, "open files and threads", SoakMetric.OPEN_FILES, SoakMetric.THREADS));
    panels.add(panel(copy, "consumer lag (events)", SoakMetric.LAG));
    panels.add(panel(copy, "query p99 per 10 s (ms)", SoakMetric.QUERY_P99));
    panels.add(
        panel(copy, "achieved rates (per s)", SoakMetric.INGEST_RATE, SoakMetric.QUERY_RATE));
    panels.add(
        panel(
            copy, "CPU (cores) and load average", SoakMetric.SERVICE_CPU, SoakMetric.LOAD_AVERAGE));
    return panels;
  }

  private static Panel panel(List<SoakSample> samples, String title, SoakMetric... metrics) {
    List<Line> lines = new ArrayList<>();
    for (SoakMetric metric : metrics) {
      double[] minutes = new double[samples.size()];
      double[] values = new double[samples.size()];
      for (int i = 0; i < samples.size(); i++) {
        minutes[i] = samples.get(i).elapsedSeconds() / 60;
        values[i] = samples.get(i).value(metric);
      }
      lines.add(new Line(shortName(metric), minutes, values));
    }
    return new Panel(title, lines);
  }

  private static String shortName(SoakMetric metric) {
    return switch (metric) {
      case HEAP_USED -> "used";
      case HEAP_OLD_GEN -> "old gen";
      case HEAP_LIVE_AFTER_GC -> "live after GC";
      case NON_HEAP -> "non-heap";
      case RSS -> "RSS";
      case ROCKSDB_CACHE -> "block cache";
      case ROCKSDB_MEMTABLES -> "memtables";
      case OPEN_FILES -> "fds";
      case THREADS -> "threads";
      case INGEST_RATE -> "events";
      case QUERY_RATE -> "queries";
      case SERVICE_CPU -> "service CPU";
      case LOAD_AVERAGE -> "load";
      default -> metric.key();
    };
  }
}
