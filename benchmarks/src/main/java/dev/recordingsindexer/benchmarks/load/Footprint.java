package dev.recordingsindexer.benchmarks.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Measures a running service's memory: forces a full GC ({@code jcmd <pid> GC.run}), then reads
 * used and committed heap from /metrics ({@code jvm_memory_used_bytes{area="heap"}}), the resident
 * set size from /proc, and every RocksDB figure /metrics exposes (summed per metric name).
 */
final class Footprint {

  private static final double MIB = 1024 * 1024;

  private Footprint() {}

  static Map<String, Object> measure(ServiceProcess service, String prefix) {
    gc(service.pid());
    Processes.sleep(Duration.ofSeconds(1));
    String metrics = service.metricsText();
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put(
        prefix + "heap_used_after_gc_mib",
        mib(PrometheusText.sum(metrics, "jvm_memory_used_bytes", "area=\"heap\"")));
    figures.put(
        prefix + "heap_committed_mib",
        mib(PrometheusText.sum(metrics, "jvm_memory_committed_bytes", "area=\"heap\"")));
    figures.put(
        prefix + "nonheap_used_mib",
        mib(PrometheusText.sum(metrics, "jvm_memory_used_bytes", "area=\"nonheap\"")));
    figures.put(prefix + "rss_mib", mib(service.rssBytes()));
    rocksDbNames(metrics)
        .forEach(name -> figures.put(prefix + name, PrometheusText.sum(metrics, name, null)));
    return figures;
  }

  private static double mib(double bytes) {
    return Math.round(bytes / MIB * 10) / 10.0;
  }

  private static SortedSet<String> rocksDbNames(String metrics) {
    SortedSet<String> names = new TreeSet<>();
    for (String line : metrics.split("\n")) {
      if (!line.startsWith("#") && line.toLowerCase(Locale.ROOT).contains("rocksdb")) {
        int end = line.indexOf('{') > 0 ? line.indexOf('{') : line.indexOf(' ');
        names.add(line.substring(0, end));
      }
    }
    return names;
  }

  /** Runs a full GC in {@code pid} through jcmd. */
  static void gc(long pid) {
    try {
      Process jcmd =
          new ProcessBuilder("jcmd", String.valueOf(pid), "GC.run")
              .redirectErrorStream(true)
              .start();
      String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
        throw new IllegalStateException("jcmd GC.run failed: " + out);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run jcmd (a JDK is needed)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
