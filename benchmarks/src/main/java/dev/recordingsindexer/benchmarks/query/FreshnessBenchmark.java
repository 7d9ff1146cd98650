package dev.recordingsindexer.benchmarks.query;

import dev.recordingsindexer.benchmarks.load.Dataset;
import dev.recordingsindexer.benchmarks.load.Harness;
import dev.recordingsindexer.benchmarks.load.ServiceProcess;
import dev.recordingsindexer.benchmarks.query.PercentilePlot.Threshold;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * The {@code freshness} benchmark: how long after its events are sent a brand-new recording shows
 * in the API, while a background producer replays the data set's events at a steady rate. Probes
 * run one after another with a gap; the first ones warm up and are not measured. Prints a table,
 * writes a PNG of the delay percentiles and appends a JSON line to {@code freshness.jsonl}.
 *
 * <p>Exit status: 0 every probe showed, 1 some failed, 2 bad options, 3 the service is not ready.
 */
public final class FreshnessBenchmark {

  static final double TARGET_P99_MS = 200;

  static final Set<String> OPTIONS =
      Set.of(
          "url",
          "bootstrap",
          "seed",
          "recordings",
          "service-pid",
          "topic",
          "probes",
          "warmup-probes",
          "probe-gap",
          "poll-gap",
          "timeout",
          "ingest-rate",
          "via",
          "account",
          "probe-start",
          "progress",
          "results-dir",
          "plot-dir",
          "ready-timeout");

  static final String USAGE =
      """
      freshness [--url http://host:port --bootstrap host:port [--seed 42] --recordings N]
                [--probes 200] [--warmup-probes 10] [--probe-gap 100ms] [--poll-gap 1ms]
                [--timeout 10s] [--ingest-rate 2000] [--via fetch|list] [--topic recording-events]
                [--account 0] [--probe-start N] [--progress 5s] [--ready-timeout 120s]
                [--results-dir benchmarks/results] [--plot-dir <results-dir>]
      """;

  private FreshnessBenchmark() {}

  /**
   * Standalone: {@code java -cp benchmarks/target/benchmarks.jar
   * dev.recordingsindexer.benchmarks.query.FreshnessBenchmark --url ...}; exits with {@link
   * #run(List)}'s status.
   */
  public static void main(String[] args) {
    System.exit(run(List.of(args)));
  }

  /** Against a running service and broker: {@code --url}, {@code --bootstrap}, the data set. */
  public static int run(List<String> args) {
    Options options;
    try {
      options = Options.parse(args, OPTIONS);
      options.required("recordings");
      Dataset dataset =
          Dataset.of(options.number("seed", 42), Math.toIntExact(options.number("recordings", 0)));
      return run(
          options,
          URI.create(options.required("url")),
          options.required("bootstrap"),
          options.number("service-pid", 0),
          dataset,
          System.out);
    } catch (IllegalArgumentException e) {
      System.out.println("freshness: " + e.getMessage());
      System.out.print(USAGE);
      return 2;
    }
  }

  /**
   * Against a service the caller started over a data set it filled and had indexed; {@code --url},
   * {@code --bootstrap}, {@code --seed}, {@code --recordings} and {@code --service-pid} in {@code
   * args} are ignored.
   */
  public static int run(
      List<String> args, Harness harness, ServiceProcess service, Dataset dataset) {
    try {
      Options options = Options.parse(args, OPTIONS);
      return run(
          options,
          service.baseUrl(),
          harness.bootstrapServers(),
          service.pid(),
          dataset,
          System.out);
    } catch (IllegalArgumentException e) {
      System.out.println("freshness: " + e.getMessage());
      System.out.print(USAGE);
      return 2;
    }
  }

  private static int run(
      Options options,
      URI url,
      String bootstrap,
      long servicePid,
      Dataset dataset,
      PrintStream out) {
    FreshnessRun.Settings settings =
        new FreshnessRun.Settings(
            url,
            bootstrap,
            options.string("topic", "recording-events"),
            FreshnessProbe.Via.valueOf(options.string("via", "fetch").toUpperCase(Locale.ROOT)),
            dataset.accounts().get(options.integer("account", 0)),
            options.integer("probes", 200),
            options.integer("warmup-probes", 10),
            options.duration("probe-gap", Duration.ofMillis(100)),
            options.duration("poll-gap", Duration.ofMillis(1)),
            options.duration("timeout", Duration.ofSeconds(10)),
            options.decimal("ingest-rate", 2000),
            options.number("probe-start", defaultProbeStart()),
            options.duration("progress", Duration.ofSeconds(5)),
            servicePid);
    Path resultsDir = Path.of(options.string("results-dir", "benchmarks/results"));
    Path plotDir = Path.of(options.string("plot-dir", resultsDir.toString()));
    Duration readyTimeout = options.duration("ready-timeout", Duration.ofSeconds(120));
    if (settings.probes() < 1 || settings.warmupProbes() < 0) {
      throw new IllegalArgumentException("--probes must be >= 1 and --warmup-probes >= 0");
    }
    QueryPlanner planner = new QueryPlanner(dataset, 50);
    try {
      String problem = IndexedCheck.await(url, dataset, planner, readyTimeout, out);
      if (problem != null) {
        out.println("freshness: " + problem);
        return 3;
      }
      out.printf(
          Locale.ROOT,
          "[freshness] %s via %s, broker %s, topic %s, %d probes (+%d warm-up) from index %d,"
              + " ingest %.0f events/s%n",
          url,
          via(settings),
          bootstrap,
          settings.topic(),
          settings.probes(),
          settings.warmupProbes(),
          settings.probeStart(),
          settings.ingestRate());
      FreshnessRun.Result result = FreshnessRun.run(dataset, planner, settings, out);
      report(result, settings, dataset, options, resultsDir, plotDir, out);
      return result.errorCount() == 0 && result.ingestFailed() == 0 ? 0 : 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      out.println("freshness: interrupted");
      return 1;
    } catch (IOException e) {
      out.println("freshness: " + e);
      return 1;
    }
  }

  private static void report(
      FreshnessRun.Result result,
      FreshnessRun.Settings settings,
      Dataset dataset,
      Options options,
      Path resultsDir,
      Path plotDir,
      PrintStream out)
      throws IOException {
    Map<String, Histogram> series = new LinkedHashMap<>();
    series.put("visible", result.visible());
    series.put("acked", result.acked());
    LatencyTable table = new LatencyTable(series, result.seconds(), false);
    out.println();
    out.print(table.format());
    out.printf(
        Locale.ROOT,
        "errors %d %s; polls per probe %.1f; ingest %.0f events/s acked (%d, %d failed),"
            + " service CPU %.2f cores%n",
        result.errorCount(),
        result.errors(),
        result.pollsPerProbe(),
        result.ingestPerSecond(),
        result.ingestAcked(),
        result.ingestFailed(),
        result.serviceCores());
    result.errorSamples().forEach(s -> out.println("  e.g. " + s));
    Histogram visible = result.visible();
    boolean met =
        visible.getTotalCount() > 0 && visible.getValueAtPercentile(99) / 1000.0 <= TARGET_P99_MS;
    out.println("targets: {visible_p99_le_200ms=" + met + "}");

    Path plot = plotDir.resolve("freshness.png");
    PercentilePlot.write(
        plot,
        String.format(
            Locale.ROOT,
            "Freshness: event sent to recording visible (%s), ingest %.0f events/s",
            via(settings),
            result.ingestPerSecond()),
        List.of(
            PercentilePlot.series("visible in the API", visible),
            PercentilePlot.series("acked by the broker", result.acked())),
        List.of(new Threshold("p99 target 200 ms", TARGET_P99_MS)));
    out.println("plot: " + plot);

    Map<String, Object> optionsJson = new LinkedHashMap<>(options.given());
    optionsJson.put("url", settings.url().toString());
    optionsJson.put("bootstrap", settings.bootstrap());
    optionsJson.put("seed", dataset.seed());
    optionsJson.put("recordings", dataset.recordings());
    optionsJson.put("probes", settings.probes());
    optionsJson.put("warmup_probes", settings.warmupProbes());
    optionsJson.put("probe_gap_ms", settings.probeGap().toMillis());
    optionsJson.put("poll_gap_ms", settings.pollGap().toMillis());
    optionsJson.put("ingest_rate", settings.ingestRate());
    optionsJson.put("via", via(settings));
    optionsJson.put("probe_start", settings.probeStart());
    Map<String, Object> results = new LinkedHashMap<>(table.asJson());
    results.put("errors", result.errors());
    results.put("polls_per_probe", LatencyTable.round(result.pollsPerProbe()));
    results.put("ingest_acked_per_second", LatencyTable.round(result.ingestPerSecond()));
    results.put("ingest_failed", result.ingestFailed());
    results.put("service_cores", LatencyTable.round(result.serviceCores()));
    results.put("targets", Map.of("visible_p99_le_200ms", met));
    results.put("plot", plot.toString());
    ResultLog.append(resultsDir, "freshness", optionsJson, results);
  }

  private static String via(FreshnessRun.Settings settings) {
    return settings.via().name().toLowerCase(Locale.ROOT);
  }

  /**
   * A probe index no earlier run used: ten per second of the clock since {@link Dataset#END}. Probe
   * indexes must be fresh, since a probe recording that already exists shows at once; they also set
   * the probes' {@code date_created} (END + 1 day + index seconds), which this keeps within a few
   * decades.
   */
  static long defaultProbeStart() {
    return Instant.now().toEpochMilli() / 100 - Dataset.END.getEpochSecond() * 10;
  }
}
