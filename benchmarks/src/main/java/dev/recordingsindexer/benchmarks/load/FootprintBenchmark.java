package dev.recordingsindexer.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code footprint}: with the data set indexed, starts the service (default -Xmx512m) on the kept
 * state, waits until ready, fetches {@code --warm-fetches} recordings spread over the data set (so
 * RocksDB's caches hold what queries touch; each is checked), waits {@code --settle-seconds}, then
 * forces a GC and reports used heap, RSS and the RocksDB figures of /metrics (target for 1,000,000
 * recordings: heap <= 512 MiB).
 */
final class FootprintBenchmark {

  private FootprintBenchmark() {}

  static int run(BenchOptions options) {
    try (Harness harness = Harness.start(options.workDir())) {
      ServiceProcess service = Prepared.service(harness, options);
      int fetches = options.integer("--warm-fetches");
      int mismatches = SampleCheck.mismatches(service, options.dataset(), fetches).size();
      Processes.sleep(Duration.ofSeconds(options.integer("--settle-seconds")));
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("recordings", options.dataset().recordings());
      figures.put("xmx", options.get("--xmx"));
      figures.put("warm_fetches", fetches);
      figures.put("sample_mismatches", mismatches);
      figures.put("recordings_stored_metric", service.metric("recordings_stored", null));
      figures.putAll(Footprint.measure(service, ""));
      figures.put(
          "state_dir_mib",
          IngestBenchmark.round(RestoreBenchmark.sizeMib(Indexing.stateDir(harness))));
      figures.put("broker_rss_mib", IngestBenchmark.round(brokerRss(harness.brokerPid())));
      ResultLog.write("footprint", options, figures);
      service.close();
      return 0;
    }
  }

  private static double brokerRss(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException e) {
      // gone
    }
    return Double.NaN;
  }
}
