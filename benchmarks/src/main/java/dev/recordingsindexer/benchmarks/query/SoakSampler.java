package dev.recordingsindexer.benchmarks.query;

import dev.recordingsindexer.benchmarks.load.PrometheusText;
import dev.recordingsindexer.benchmarks.load.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;

/**
 * Takes one soak sample of a service: heap (used, old generation, live after the last major GC),
 * non-heap and the RocksDB memory gauges from one scrape of /metrics, RSS, threads and open
 * descriptors from /proc, CPU since the previous sample, the consumer lag, and the interval's
 * ingest and query figures. Not thread-safe: one caller, the soak's sampling thread.
 */
final class SoakSampler {

  private static final double MIB = 1024 * 1024;

  private final ServiceProcess service;
  private final LongSupplier lag;
  private final BackgroundIngest ingest;
  private long lastAcked;
  private long lastCpuNanos;
  private long lastSampleNanos = System.nanoTime();

  SoakSampler(ServiceProcess service, LongSupplier lag, BackgroundIngest ingest) {
    this.service = service;
    this.lag = lag;
    this.ingest = ingest;
    this.lastCpuNanos = ProcessCpu.nanos(service.pid());
  }

  /**
   * The sample at {@code elapsedSeconds}, with the query latencies (microseconds) {@code queries}
   * of the driver's last interval of {@code queryIntervalSeconds}. Ingest and CPU rates are over
   * the time since the previous sample. A figure the service does not report is NaN.
   */
  SoakSample sample(double elapsedSeconds, double queryIntervalSeconds, Histogram queries) {
    long now = System.nanoTime();
    double sinceLast = (now - lastSampleNanos) / 1e9;
    lastSampleNanos = now;
    Map<SoakMetric, Double> v = new EnumMap<>(SoakMetric.class);
    String metrics = service.metricsText();
    v.put(SoakMetric.HEAP_USED, mib(metric(metrics, "jvm_memory_used_bytes", "area=\"heap\"")));
    v.put(SoakMetric.HEAP_OLD_GEN, mib(metric(metrics, "jvm_memory_used_bytes", "Old Gen")));
    v.put(SoakMetric.HEAP_LIVE_AFTER_GC, mib(metric(metrics, "jvm_gc_live_data_size_bytes", "")));
    v.put(SoakMetric.NON_HEAP, mib(metric(metrics, "jvm_memory_used_bytes", "area=\"nonheap\"")));
    v.put(
        SoakMetric.ROCKSDB_CACHE,
        mib(metric(metrics, "recordings_rocksdb_block_cache_usage_bytes", "")));
    v.put(
        SoakMetric.ROCKSDB_MEMTABLES,
        mib(metric(metrics, "recordings_rocksdb_write_buffer_usage_bytes", "")));
    ProcessStatus status = ProcessStatus.read(service.pid());
    v.put(SoakMetric.RSS, mib(status.rssBytes()));
    v.put(SoakMetric.THREADS, (double) status.threads());
    v.put(SoakMetric.OPEN_FILES, (double) status.openFiles());
    v.put(SoakMetric.LAG, (double) lag.getAsLong());
    v.put(SoakMetric.QUERY_P99, queries.getTotalCount() == 0 ? Double.NaN : p99Millis(queries));
    v.put(SoakMetric.QUERY_RATE, queries.getTotalCount() / queryIntervalSeconds);
    long acked = ingest.acked();
    v.put(SoakMetric.INGEST_RATE, (acked - lastAcked) / sinceLast);
    lastAcked = acked;
    long cpu = ProcessCpu.nanos(service.pid());
    v.put(SoakMetric.SERVICE_CPU, ProcessCpu.cores(lastCpuNanos, cpu, (long) (sinceLast * 1e9)));
    lastCpuNanos = cpu;
    v.put(SoakMetric.LOAD_AVERAGE, loadAverage());
    return new SoakSample(elapsedSeconds, v);
  }

  /** The capacity of the RocksDB block cache (MiB), the bound of its usage; NaN when unknown. */
  double rocksDbCapacityMib() {
    return mib(metric(service.metricsText(), "recordings_rocksdb_block_cache_capacity_bytes", ""));
  }

  private static double p99Millis(Histogram micros) {
    return micros.getValueAtPercentile(99) / 1000.0;
  }

  private static double metric(String text, String name, String labelFilter) {
    return PrometheusText.sum(text, name, labelFilter);
  }

  private static double mib(double bytes) {
    return Math.round(bytes / MIB * 10) / 10.0;
  }

  static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }
}
