package dev.recordingsindexer.benchmarks.query;

import dev.recordingsindexer.benchmarks.load.Dataset;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * One freshness measurement: starts the background ingest, runs the warm-up probes and then the
 * measured ones one after another with a gap, printing progress, and stops the ingest. Histograms
 * hold microseconds.
 */
final class FreshnessRun {

  /** What to run. {@code servicePid} 0 = unknown. */
  record Settings(
      URI url,
      String bootstrap,
      String topic,
      FreshnessProbe.Via via,
      Dataset.Account account,
      int probes,
      int warmupProbes,
      Duration probeGap,
      Duration pollGap,
      Duration timeout,
      double ingestRate,
      long probeStart,
      Duration progressEvery,
      long servicePid) {}

  /** What the measured probes found. CPU in cores, NaN when unknown. */
  record Result(
      Histogram visible,
      Histogram acked,
      long polls,
      double seconds,
      Map<String, Long> errors,
      List<String> errorSamples,
      double ingestPerSecond,
      long ingestAcked,
      long ingestFailed,
      double serviceCores) {

    long errorCount() {
      return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    double pollsPerProbe() {
      return polls / (double) Math.max(1, visible.getTotalCount());
    }
  }

  private FreshnessRun() {}

  static Result run(Dataset dataset, QueryPlanner planner, Settings s, PrintStream out)
      throws InterruptedException {
    Histogram visible = new Histogram(3);
    Histogram acked = new Histogram(3);
    long polls = 0;
    long cpuBefore = ProcessCpu.nanos(s.servicePid());
    long measureStart = System.nanoTime();
    String account = s.account().sid();
    try (BackgroundIngest ingest =
            BackgroundIngest.start(s.bootstrap(), dataset, s.topic(), s.ingestRate());
        FreshnessProbe probe =
            new FreshnessProbe(
                s.url(),
                s.bootstrap(),
                dataset,
                s.topic(),
                account,
                planner.authorization(account),
                s.via(),
                s.pollGap(),
                s.timeout())) {
      probe.connect();
      long nextProgress = System.nanoTime() + s.progressEvery().toNanos();
      for (int i = 0; i < s.warmupProbes() + s.probes(); i++) {
        if (i == s.warmupProbes()) {
          measureStart = System.nanoTime();
          cpuBefore = ProcessCpu.nanos(s.servicePid());
        }
        FreshnessProbe.Outcome outcome = probe.probe(s.probeStart() + i);
        if (outcome != null && i >= s.warmupProbes()) {
          visible.recordValue(outcome.visibleNanos() / 1000);
          acked.recordValue(outcome.ackedNanos() / 1000);
          polls += outcome.polls();
        }
        if (System.nanoTime() >= nextProgress) {
          nextProgress += s.progressEvery().toNanos();
          out.printf(
              Locale.ROOT,
              "[freshness] %d/%d probes  p50 %.1f ms  p99 %.1f ms  ingest %.0f events/s acked"
                  + "  errors %s%n",
              i + 1,
              s.warmupProbes() + s.probes(),
              visible.getValueAtPercentile(50) / 1000.0,
              visible.getValueAtPercentile(99) / 1000.0,
              ingest.ackedPerSecond(),
              probe.errors());
        }
        Thread.sleep(s.probeGap().toMillis());
      }
      long wall = System.nanoTime() - measureStart;
      double serviceCores = ProcessCpu.cores(cpuBefore, ProcessCpu.nanos(s.servicePid()), wall);
      List<String> samples = new ArrayList<>(probe.errorSamples());
      if (ingest.firstFailure() != null) {
        samples.add("ingest: " + ingest.firstFailure());
      }
      return new Result(
          visible,
          acked,
          polls,
          wall / 1e9,
          probe.errors(),
          samples,
          ingest.ackedPerSecond(),
          ingest.acked(),
          ingest.failed(),
          serviceCores);
    }
  }
}
