package dev.recordingsindexer.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@code restore}: with the data set indexed (reused or indexed first), times a restart on the kept
 * state (warm); a restart after {@code kill -9} while the service indexed new recordings (crash:
 * exactly-once transactions open, state directory kept); and, after deleting the state directory, a
 * restart that restores everything from the changelogs (cold). Each from process start to the first
 * 200 of /readyz (target for 1,000,000 recordings: cold <= 60 s).
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
      System.out.println("Crash restart (kill -9 while indexing new recordings, state kept)");
      ServiceProcess victim = Prepared.start(harness, options);
      victim.awaitReady(timeout);
      long produced = produceNewRecordingsAndKill(harness, options, victim);
      long total = events + produced;
      // The topic now holds the crash step's recordings too: record them, so that later commands
      // reuse this data set and index instead of refilling the topic.
      Markers.read(harness.workDir(), Markers.DATASET)
          .ifPresent(
              marker -> Markers.write(harness.workDir(), Markers.DATASET, with(marker, total)));
      Markers.read(harness.workDir(), Markers.INDEXED)
          .ifPresent(
              marker -> Markers.write(harness.workDir(), Markers.INDEXED, with(marker, total)));
      ServiceProcess crashed = Prepared.start(harness, options);
      Duration crashReady = awaitReadyWithProgress(crashed, Indexing.stateDir(harness), timeout);
      double crashCpu = CpuClock.seconds(crashed.pid());
      crashed.close();
      System.out.println("Cold restart (state directory deleted)");
      Indexing.deleteRecursively(Indexing.stateDir(harness));
      ServiceProcess cold = Prepared.start(harness, options);
      Duration coldReady = awaitReadyWithProgress(cold, Indexing.stateDir(harness), timeout);
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("recordings", options.dataset().recordings());
      figures.put("events", events);
      figures.put("warm_restart_to_ready_s", warmReady.toMillis() / 1e3);
      figures.put("crash_events_produced", produced);
      figures.put("crash_restart_to_ready_s", crashReady.toMillis() / 1e3);
      figures.put("crash_restart_service_cpu_s", IngestBenchmark.round(crashCpu));
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

  /**
   * Writes the events of new recordings (freshness-probe recordings of the first account) for 8 s
   * while the service indexes them, then kills it with SIGKILL mid-transaction; returns how many
   * events were acknowledged.
   */
  private static long produceNewRecordingsAndKill(
      Harness harness, BenchOptions options, ServiceProcess victim) {
    Dataset dataset = options.dataset();
    String account = dataset.accounts().get(0).sid();
    long produced = 0;
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(ProducerSettings.of(harness.bootstrapServers(), 5))) {
      long until = System.nanoTime() + Duration.ofSeconds(8).toNanos();
      for (long probe = 1_000_000; System.nanoTime() < until; probe++) {
        for (ProducerRecord<byte[], byte[]> event :
            dataset.probeEvents(options.get("--topic"), account, probe)) {
          producer.send(event);
          produced++;
        }
        if (probe % 200 == 0) {
          producer.flush();
        }
      }
      producer.flush();
    }
    System.out.printf(Locale.ROOT, "Produced %d events; killing the service (SIGKILL)%n", produced);
    victim.kill();
    return produced;
  }

  private static Map<String, String> with(Properties marker, long events) {
    Map<String, String> values = new LinkedHashMap<>();
    marker.stringPropertyNames().forEach(name -> values.put(name, marker.getProperty(name)));
    values.put("events", String.valueOf(events));
    return values;
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
