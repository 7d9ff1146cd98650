package dev.recordingsindexer.benchmarks.load;

import java.time.Duration;
import java.util.Map;

/**
 * The indexed data set the restore, footprint, query and freshness benchmarks start from: the
 * filled topic, and a service whose state holds all of it. Reuses what an earlier run left in the
 * work directory (the same data set, guarantee and a complete index), otherwise indexes it now.
 */
final class Prepared {

  private Prepared() {}

  /** True when the work directory holds a complete index of {@code events} events. */
  static boolean indexed(Harness harness, BenchOptions options, long events) {
    return Markers.matches(
        Markers.read(harness.workDir(), Markers.INDEXED),
        Map.of("events", String.valueOf(events), "guarantee", options.get("--guarantee")));
  }

  /**
   * A ready service over the complete index: restarted on the kept state when there is one (its
   * time to ready is printed), indexed from scratch otherwise.
   */
  static ServiceProcess service(Harness harness, BenchOptions options) {
    DataSetup.Filled filled = DataSetup.ensure(harness, options);
    if (!indexed(harness, options, filled.events())) {
      System.out.println("No complete index in the work directory: indexing now");
      return Indexing.indexFresh(harness, options, filled.events()).service();
    }
    ServiceProcess service = start(harness, options);
    Duration ready = service.awaitReady(timeout(options));
    System.out.printf("Service ready on the kept state after %.1f s%n", ready.toMillis() / 1e3);
    Indexing.catchUp(harness, options, service, filled.events());
    return service;
  }

  /** Makes sure the index exists (indexing it if needed) without keeping a service running. */
  static long ensureIndexed(Harness harness, BenchOptions options) {
    DataSetup.Filled filled = DataSetup.ensure(harness, options);
    if (!indexed(harness, options, filled.events())) {
      System.out.println("No complete index in the work directory: indexing now");
      Indexing.indexFresh(harness, options, filled.events()).service().close();
    }
    return filled.events();
  }

  static ServiceProcess start(Harness harness, BenchOptions options) {
    return harness.startService(
        Indexing.SERVICE, Indexing.env(options), options.jvmArgs(Indexing.SERVICE));
  }

  static Duration timeout(BenchOptions options) {
    return Duration.ofMinutes(options.integer("--timeout-minutes"));
  }
}
