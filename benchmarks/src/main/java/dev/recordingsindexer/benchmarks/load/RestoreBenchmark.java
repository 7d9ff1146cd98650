package dev.recordingsindexer.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code restore}: with the data set indexed (reused or indexed first), times a restart on the kept
 * state (warm) and then, after deleting the state directory, a restart that restores everything
 * from the changelogs (cold), each from process start to the first 200 of /readyz (target for
 * 1,000,000 recordings: cold <= 60 s).
 */
final class RestoreBenchmark {

  private RestoreBenchmark() {}

  static int run(BenchOptions options) {
    try (Harness harness = Harness.start(options.workDir())) {
      long events = Prepared.ensureIndexed(harness, options);
      Duration timeout = Prepared.timeout(options);
      System.out.println("Warm restart (state directory kept)");
      ServiceProcess warm = Prepared.start(harness, options);
      Duration warmReady = warm.awaitReady(timeout);
      warm.close();
      System.out.println("Cold restart (state directory deleted)");
      Indexing.deleteRecursively(Indexing.stateDir(harness));
      ServiceProcess cold = Prepared.start(harness, options);
      Duration coldReady = awaitReadyWithProgress(cold, Indexing.stateDir(harness), timeout);
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("recordings", options.dataset().recordings());
      figures.put("events", events);
      figures.put("warm_restart_to_ready_s", warmReady.toMillis() / 1e3);
      figures.put("cold_restore_to_ready_s", coldReady.toMillis() / 1e3);
      figures.put(
          "cold_restore_service_cpu_s", IngestBenchmark.round(CpuClock.seconds(cold.pid())));
      figures.put("recordings_stored_metric", cold.metric("recordings_stored", null));
      figures.put("state_dir_mib", IngestBenchmark.round(sizeMib(Indexing.stateDir(harness))));
      figures.put("sample_mismatches", SampleCheck.mismatches(cold, options.dataset(), 20).size());
      ResultLog.write("restore", options, figures);
      cold.close();
      return 0;
    }
  }

  /** Waits for /readyz, printing every 5 s the size the state directory has grown to. */
  private static Duration awaitReadyWithProgress(
      ServiceProcess service, Path stateDir, Duration timeout) {
    Thread progress =
        new Thread(
            () -> {
              Progress line = new Progress("restoring");
              while (!Thread.currentThread().isInterrupted()) {
                try {
                  Thread.sleep(5000);
                } catch (InterruptedException e) {
                  return;
                }
                line.printText(
                    String.format(
                        Locale.ROOT,
                        "/readyz %d, state dir %.1f MiB, service CPU %.1f s",
                        service.status("/readyz"),
                        sizeMib(stateDir),
                        CpuClock.seconds(service.pid())));
              }
            },
            "restore-progress");
    progress.setDaemon(true);
    progress.start();
    try {
      return service.awaitReady(timeout);
    } finally {
      progress.interrupt();
    }
  }

  static double sizeMib(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum()
          / 1048576.0;
    } catch (IOException e) {
      return Double.NaN;
    }
  }
}
