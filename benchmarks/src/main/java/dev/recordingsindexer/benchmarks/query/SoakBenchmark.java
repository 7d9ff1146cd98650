package dev.recordingsindexer.benchmarks.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recordingsindexer.benchmarks.load.Dataset;
import dev.recordingsindexer.benchmarks.load.Harness;
import dev.recordingsindexer.benchmarks.load.ServiceProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The soak: for {@code --minutes}, replays the data set's events at a fixed rate (folding into the
 * state the service already holds, so the state keeps its size and growth can only be a leak) while
 * {@link QueryDriver} runs the query mixes open-loop at a fixed rate; every {@code --sample-every}
 * it takes a {@link SoakSample}, prints it and appends it to {@code
 * <results-dir>/soak-<start>.jsonl}. At the end it prints each judged metric's first and last
 * window means with the {@link Flatness} verdict, appends them as a last line, and draws {@code
 * --plot}.
 *
 * <p>Exit status: 0 every judged metric flat and every answer good, 1 otherwise, 2 bad options, 3
 * the service is not ready or has not indexed the data set.
 */
public final class SoakBenchmark {

  static final Set<String> OPTIONS =
      Set.of(
          "minutes",
          "warmup",
          "ingest-rate",
          "query-rate",
          "query-clients",
          "sample-every",
          "mixes",
          "plot",
          "results-dir",
          "topic",
          "rng-seed");

  static final String USAGE =
      """
      soak [--minutes 30] [--warmup 60s] [--ingest-rate 1400] [--query-rate 150] [--query-clients 4]
           [--sample-every 10s] [--mixes all] [--plot docs/img/soak-<minutes>min.png]
           [--results-dir benchmarks/results]
      """;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private SoakBenchmark() {}

  /**
   * Against a service the caller started over a data set it filled and had indexed; {@code lag}
   * gives the indexer's consumer lag (events, input and repartition topics together).
   */
  public static int run(
      List<String> args,
      Harness harness,
      ServiceProcess service,
      Dataset dataset,
      LongSupplier lag) {
    Options options;
    QueryDriver.Settings settings;
    double ingestRate;
    Path plot;
    Path results;
    String topic;
    try {
      options = Options.parse(args, OPTIONS);
      long minutes = options.number("minutes", 30);
      ingestRate = options.decimal("ingest-rate", 1400);
      topic = options.string("topic", "recording-events");
      plot = Path.of(options.string("plot", "docs/img/soak-" + minutes + "min.png"));
      results =
          Path.of(options.string("results-dir", "benchmarks/results"))
              .resolve("soak-" + STAMP.format(Instant.now()) + ".jsonl");
      Duration every = options.duration("sample-every", Duration.ofSeconds(10));
      settings =
          new QueryDriver.Settings(
              service.baseUrl(),
              options.integer("query-clients", 4),
              options.duration("warmup", Duration.ofSeconds(60)),
              Duration.ZERO, // a fixed warm-up: the soak watches the whole run anyway
              // a little over the minutes, so the driver takes the last sample before it stops
              Duration.ofMinutes(minutes).plusMillis(500),
              options.decimal("query-rate", 150),
              QueryMix.parse(options.list("mixes", List.of("all"))),
              50,
              3,
              16,
              options.number("rng-seed", 1),
              Duration.ofSeconds(10),
              every,
              service.pid(),
              true); // accept gzip, as Twilio's client libraries do
      if (minutes < 1 || ingestRate < 0 || settings.rate() <= 0 || settings.warmup().isNegative()) {
        throw new IllegalArgumentException("need --minutes >= 1, rates > 0");
      }
    } catch (IllegalArgumentException e) {
      System.out.println("soak: " + e.getMessage());
      System.out.print(USAGE);
      return 2;
    }
    try {
      return soak(settings, harness, service, dataset, lag, ingestRate, topic, plot, results);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      System.out.println("soak: interrupted");
      return 1;
    } catch (IOException e) {
      System.out.println("soak: " + e);
      return 1;
    }
  }

  private static int soak(
      QueryDriver.Settings settings,
      Harness harness,
      ServiceProcess service,
      Dataset dataset,
      LongSupplier lag,
      double ingestRate,
      String topic,
      Path plot,
      Path results)
      throws InterruptedException, IOException {
    PrintStream out = System.out;
    QueryPlanner planner = new QueryPlanner(dataset, settings.pageSize());
    String problem =
        IndexedCheck.await(settings.baseUrl(), dataset, planner, Duration.ofMinutes(2), out);
    if (problem != null) {
      out.println("soak: " + problem);
      return 3;
    }
    double runSeconds = settings.duration().toMillis() / 1000.0 - 0.5;
    Map<String, Object> start = new LinkedHashMap<>();
    start.put("type", "start");
    start.put("date", Instant.now().toString());
    start.put("commit", git("rev-parse", "--short", "HEAD"));
    start.put("dirty", !git("status", "--porcelain", "--untracked-files=no").isEmpty());
    start.put("nproc", Runtime.getRuntime().availableProcessors());
    start.put("recordings", dataset.recordings());
    start.put("seed", dataset.seed());
    start.put("minutes", runSeconds / 60);
    start.put("warmup_s", settings.warmup().toSeconds());
    start.put("ingest_rate", ingestRate);
    start.put("query_rate", settings.rate());
    start.put("query_clients", settings.clients());
    start.put("service_pid", service.pid());
    start.put("loadavg_1m", SoakSampler.loadAverage());
    append(results, start);
    out.printf(
        Locale.ROOT,
        "[soak] %s of warm-up (not recorded), then %.0f min: %,.0f events/s replayed, %,.0f"
            + " queries/s over %d clients, a sample every %s to %s%n",
        settings.warmup(),
        runSeconds / 60,
        ingestRate,
        settings.rate(),
        settings.clients(),
        settings.progressEvery(),
        results);

    List<SoakSample> samples = Collections.synchronizedList(new ArrayList<>());
    QueryDriver.Result result;
    double capacityMib;
    long warmupNanos = settings.warmup().toNanos();
    try (BackgroundIngest ingest =
        BackgroundIngest.start(harness.bootstrapServers(), dataset, topic, ingestRate)) {
      SoakSampler sampler = new SoakSampler(service, lag, ingest);
      capacityMib = sampler.rocksDbCapacityMib();
      QueryDriver.IntervalListener listener =
          (sinceBegin, interval, queries, errors) -> {
            if (!service.isAlive()) {
              throw new IllegalStateException("the service died; see " + service.log());
            }
            double elapsed = (sinceBegin - warmupNanos) / 1e9;
            SoakSample sample = sampler.sample(elapsed, interval / 1e9, queries);
            if (sinceBegin < warmupNanos) {
              out.println("(warm-up) " + progress(sample, errors));
              return;
            }
            samples.add(sample);
            append(results, line(sample, errors, ingest));
            out.println(progress(sample, errors));
          };
      PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
      result = new QueryDriver(planner, settings, quiet, listener).run();
      if (ingest.failed() > 0) {
        out.println("soak: " + ingest.failed() + " events failed, e.g. " + ingest.firstFailure());
      }
    }

    List<Flatness.Verdict> verdicts = Flatness.judge(samples, runSeconds);
    out.println();
    out.printf(
        Locale.ROOT, "== soak: %d samples over %.0f min ==%n", samples.size(), runSeconds / 60);
    out.printf(
        Locale.ROOT,
        "%-38s %12s %12s %8s  %s%n",
        "metric",
        "first " + (int) Flatness.windowSeconds(runSeconds) + "s",
        "last " + (int) Flatness.windowSeconds(runSeconds) + "s",
        "change",
        "verdict");
    for (Flatness.Verdict v : verdicts) {
      out.printf(
          Locale.ROOT,
          "%-38s %12.1f %12.1f %7.1f%%  %s%n",
          v.metric().label(),
          v.firstMean(),
          v.lastMean(),
          v.changePercent(),
          v.word());
    }
    out.println("rule: " + Flatness.rule(runSeconds));
    out.printf(
        Locale.ROOT,
        "RocksDB block cache capacity %.1f MiB; queries: %,d answered, %d errors %s%n",
        capacityMib,
        result.requests(),
        result.errorCount(),
        result.errors());
    result.errorSamples().forEach(s -> out.println("  e.g. " + s));
    Map<String, Object> end = new LinkedHashMap<>();
    end.put("type", "verdict");
    end.put("date", Instant.now().toString());
    end.put("rule", Flatness.rule(runSeconds));
    end.put("rocksdb_block_cache_capacity_mib", capacityMib);
    end.put("query_errors", result.errors());
    end.put("loadavg_1m", SoakSampler.loadAverage());
    Map<String, Object> judged = new LinkedHashMap<>();
    for (Flatness.Verdict v : verdicts) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("first", nullIfNaN(v.firstMean()));
      entry.put("last", nullIfNaN(v.lastMean()));
      entry.put("flat", v.flat());
      judged.put(v.metric().key(), entry);
    }
    end.put("metrics", judged);
    append(results, end);
    String title =
        String.format(
            Locale.ROOT,
            "Soak: %.0f min, %,d recordings, %,.0f events/s replayed + %,.0f queries/s (%s)",
            runSeconds / 60,
            dataset.recordings(),
            ingestRate,
            settings.rate(),
            Instant.now().toString().substring(0, 10));
    TimeSeriesPlot.write(plot, title, SoakPanels.of(samples));
    out.println("plot: " + plot + "; samples: " + results);
    boolean flat = verdicts.stream().noneMatch(v -> Boolean.FALSE.equals(v.flat()));
    return flat && result.errorCount() == 0 ? 0 : 1;
  }

  private static Map<String, Object> line(SoakSample sample, long errors, BackgroundIngest ingest) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("type", "sample");
    line.put("elapsed_s", Math.round(sample.elapsedSeconds() * 10) / 10.0);
    sample.values().forEach((metric, value) -> line.put(metric.key(), nullIfNaN(value)));
    line.put("query_errors", errors);
    line.put("ingest_acked_total", ingest.acked());
    line.put("ingest_failed_total", ingest.failed());
    return line;
  }

  static String progress(SoakSample s, long errors) {
    return String.format(
        Locale.ROOT,
        "[soak %5.0fs] ingest %,5.0f ev/s  queries %4.0f req/s p99 %6.1f ms  heap %5.1f MiB (old"
            + " %5.1f)  RSS %5.1f MiB  fds %4.0f  threads %3.0f  rocksdb %5.1f+%4.1f MiB  lag"
            + " %,7.0f  cpu %.2f  load %.1f  errors %d",
        s.elapsedSeconds(),
        s.value(SoakMetric.INGEST_RATE),
        s.value(SoakMetric.QUERY_RATE),
        s.value(SoakMetric.QUERY_P99),
        s.value(SoakMetric.HEAP_USED),
        s.value(SoakMetric.HEAP_OLD_GEN),
        s.value(SoakMetric.RSS),
        s.value(SoakMetric.OPEN_FILES),
        s.value(SoakMetric.THREADS),
        s.value(SoakMetric.ROCKSDB_CACHE),
        s.value(SoakMetric.ROCKSDB_MEMTABLES),
        s.value(SoakMetric.LAG),
        s.value(SoakMetric.SERVICE_CPU),
        s.value(SoakMetric.LOAD_AVERAGE),
        errors);
  }

  private static Object nullIfNaN(double value) {
    return Double.isNaN(value) ? null : value;
  }

  private static void append(Path file, Map<String, Object> line) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(
          file,
          JSON.writeValueAsString(line) + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a soak line as JSON", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + file, e);
    }
  }

  private static String git(String... args) {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return process.waitFor() == 0 ? text.trim() : "unknown";
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }
}
