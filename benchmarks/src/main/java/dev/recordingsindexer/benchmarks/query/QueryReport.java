package dev.recordingsindexer.benchmarks.query;

import dev.recordingsindexer.benchmarks.load.Dataset;
import dev.recordingsindexer.benchmarks.query.PercentilePlot.Threshold;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The output of one query run: the table per mix with the error counts and CPU costs, the issue's
 * targets judged, a PNG of the percentiles per mix ({@code query-<clients>c.png}) and one JSON line
 * in {@code query.jsonl}.
 */
final class QueryReport {

  /** Targets of the issue: p99 per mix at one client; throughput with p99 at saturation. */
  static final double SINGLE_CLIENT_P99_MS = 5;

  static final double SATURATION_RPS = 5000;
  static final double SATURATION_P99_MS = 20;

  private QueryReport() {}

  /** Prints a run's table, writes its plot and appends its result line. */
  static void write(
      QueryDriver.Result result,
      QueryDriver.Settings settings,
      Dataset dataset,
      Options options,
      Path resultsDir,
      Path plotDir,
      PrintStream out)
      throws IOException {
    LatencyTable table = result.table();
    out.println();
    out.print(table.format());
    out.printf(
        Locale.ROOT,
        "errors %d %s (warm-up %d); driver CPU %.2f cores, service CPU %.2f cores",
        result.errorCount(),
        result.errors(),
        result.warmupErrors(),
        result.driverCores(),
        result.serviceCores());
    long requests = result.requests();
    if (requests > 0) {
      out.printf(
          Locale.ROOT,
          "; CPU per request: driver %.0f us, service %.0f us",
          result.driverCores() * result.seconds() * 1e6 / requests,
          result.serviceCores() * result.seconds() * 1e6 / requests);
    }
    out.println();
    out.printf(
        Locale.ROOT,
        "warm-up %.0f s%s; the service's JIT compiler threads during the measurement: %s%n",
        result.warmupSeconds(),
        result.jitQuiet() ? " (until the JIT was quiet)" : "",
        Double.isNaN(result.jitCores())
            ? "unknown"
            : String.format(Locale.ROOT, "%.3f cores", result.jitCores()));
    result.errorSamples().forEach(s -> out.println("  e.g. " + s));
    Map<String, Object> targets = targets(table, settings.clients());
    out.println("targets: " + targets);

    String title =
        String.format(
            Locale.ROOT,
            "List latency by query mix: %d client%s, %,.0f req/s, %,d recordings",
            settings.clients(),
            settings.clients() == 1 ? "" : "s",
            requests / result.seconds(),
            dataset.recordings());
    List<PercentilePlot.Series> series = new ArrayList<>();
    for (String name : table.names()) {
      series.add(PercentilePlot.series(name, table.histogram(name)));
    }
    double threshold = settings.clients() == 1 ? SINGLE_CLIENT_P99_MS : SATURATION_P99_MS;
    Path plot = plotDir.resolve("query-" + settings.clients() + "c.png");
    PercentilePlot.write(
        plot,
        title,
        series,
        List.of(
            new Threshold(String.format(Locale.ROOT, "p99 target %.0f ms", threshold), threshold)));
    out.println("plot: " + plot);

    Map<String, Object> optionsJson = new LinkedHashMap<>(options.given());
    optionsJson.put("url", settings.baseUrl().toString());
    optionsJson.put("seed", dataset.seed());
    optionsJson.put("recordings", dataset.recordings());
    optionsJson.put("clients", settings.clients());
    optionsJson.put("warmup_s", settings.warmup().toMillis() / 1000.0);
    optionsJson.put("max_warmup_s", settings.maxWarmup().toMillis() / 1000.0);
    optionsJson.put("duration_s", settings.duration().toMillis() / 1000.0);
    optionsJson.put("rate", settings.rate());
    optionsJson.put("accept_gzip", settings.acceptGzip());
    optionsJson.put("mixes", settings.mixes().stream().map(QueryMix::label).toList());
    optionsJson.put("page_size", settings.pageSize());
    optionsJson.put("pages", settings.pages());
    optionsJson.put("full_check_every", settings.fullCheckEvery());
    optionsJson.put("rng_seed", settings.rngSeed());
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("seconds", LatencyTable.round(result.seconds()));
    results.put("requests", requests);
    results.put("per_second", LatencyTable.round(requests / result.seconds()));
    results.put("errors", result.errors());
    results.put("warmup_errors", result.warmupErrors());
    results.put("warmup_seconds", LatencyTable.round(result.warmupSeconds()));
    results.put("warmup_until_jit_quiet", result.jitQuiet());
    results.put(
        "jit_cores",
        Double.isNaN(result.jitCores()) ? null : LatencyTable.round(result.jitCores()));
    results.put("driver_cores", LatencyTable.round(result.driverCores()));
    results.put("service_cores", LatencyTable.round(result.serviceCores()));
    results.put("mixes", table.asJson());
    results.put("targets", targets);
    results.put("plot", plot.toString());
    ResultLog.append(resultsDir, "query", optionsJson, results);
  }

  /** Which of the targets this run can judge, and whether it met them. */
  static Map<String, Object> targets(LatencyTable table, int clients) {
    Map<String, Object> targets = new LinkedHashMap<>();
    List<LatencyTable.Row> rows = table.rows();
    if (rows.isEmpty()) {
      return targets;
    }
    if (clients == 1) {
      LatencyTable.Row worst =
          rows.stream()
              .filter(r -> !r.name().equals("overall"))
              .max((a, b) -> Double.compare(a.p99(), b.p99()))
              .orElse(rows.get(0));
      targets.put("p99_per_mix_le_5ms", worst.p99() <= SINGLE_CLIENT_P99_MS);
      targets.put("worst_mix", worst.name());
      targets.put("worst_mix_p99_ms", worst.p99());
    }
    LatencyTable.Row overall = rows.get(rows.size() - 1);
    targets.put(
        "rps_ge_5000_with_p99_le_20ms",
        overall.perSecond() >= SATURATION_RPS && overall.p99() <= SATURATION_P99_MS);
    return targets;
  }

  /** One line of the sweep summary. */
  static String summaryLine(int clients, QueryDriver.Result result) {
    List<LatencyTable.Row> rows = result.table().rows();
    if (rows.isEmpty()) {
      return String.format(Locale.ROOT, "%7d (no answers) errors %d", clients, result.errorCount());
    }
    LatencyTable.Row overall = rows.get(rows.size() - 1);
    return String.format(
        Locale.ROOT,
        "%7d %9.0f %8.2f %8.2f %8.2f %8.2f %7d %7.2f %7.2f",
        clients,
        overall.perSecond(),
        overall.p50(),
        overall.p99(),
        overall.percentileMillis()[3],
        overall.maxMillis(),
        result.errorCount(),
        result.driverCores(),
        result.serviceCores());
  }
}
