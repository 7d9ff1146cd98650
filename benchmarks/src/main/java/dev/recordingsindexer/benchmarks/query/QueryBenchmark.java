package dev.recordingsindexer.benchmarks.query;

import dev.recordingsindexer.benchmarks.load.Dataset;
import dev.recordingsindexer.benchmarks.load.Harness;
import dev.recordingsindexer.benchmarks.load.ServiceProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code query} benchmark: list-query latency per mix and throughput, against a service that
 * has indexed a {@link Dataset}. Runs the driver once per client count of {@code --clients} (a
 * sweep when several), prints a table per run and a summary, writes a PNG of the percentiles per
 * mix for each run and appends one JSON line per run to {@code <results-dir>/query.jsonl}.
 *
 * <p>Exit status: 0 all answers good, 1 some answers were errors, 2 bad options, 3 the service is
 * not ready or has not indexed the data set.
 */
public final class QueryBenchmark {

  static final Set<String> OPTIONS =
      Set.of(
          "url",
          "seed",
          "recordings",
          "service-pid",
          "clients",
          "warmup",
          "max-warmup",
          "duration",
          "rate",
          "mixes",
          "page-size",
          "pages",
          "full-check-every",
          "rng-seed",
          "timeout",
          "progress",
          "results-dir",
          "plot-dir",
          "ready-timeout",
          "accept-encoding");

  static final String USAGE =
      """
      query [--url http://host:port [--seed 42] --recordings N [--service-pid PID]]
            [--clients 1[,8,16,32]] [--warmup 120s] [--max-warmup 300s] [--duration 30s] [--rate 0]
            [--mixes all|unfiltered,room,participant,source,status,media-type,narrow-window,
                     wide-window,rare-status,next-pages] [--page-size 50] [--pages 3]
            [--full-check-every 16] [--rng-seed 1] [--timeout 10s] [--progress 5s] [--ready-timeout 120s]
            [--results-dir benchmarks/results] [--plot-dir <results-dir>]
            [--accept-encoding gzip|identity]   (gzip, the default, is what Twilio's libraries send)
      The warm-up lasts --warmup, then goes on until the service's JIT compiler threads have used
      at most 2% of a core for 10 s, at most --max-warmup (--max-warmup 0: exactly --warmup).
      """;

  private QueryBenchmark() {}

  /**
   * Standalone: {@code java -cp benchmarks/target/benchmarks.jar
   * dev.recordingsindexer.benchmarks.query.QueryBenchmark --url ...}; exits with {@link
   * #run(List)}'s status.
   */
  public static void main(String[] args) {
    System.exit(run(List.of(args)));
  }

  /** Against a running service: {@code --url}, {@code --seed} and {@code --recordings} required. */
  public static int run(List<String> args) {
    return run(args, System.out);
  }

  static int run(List<String> args, PrintStream out) {
    Options options;
    Dataset dataset;
    URI url;
    try {
      options = Options.parse(args, OPTIONS);
      url = URI.create(options.required("url"));
      options.required("recordings");
      dataset =
          Dataset.of(options.number("seed", 42), Math.toIntExact(options.number("recordings", 0)));
    } catch (IllegalArgumentException e) {
      out.println("query: " + e.getMessage());
      out.print(USAGE);
      return 2;
    }
    return run(options, url, options.number("service-pid", 0), dataset, out);
  }

  /**
   * Against a service the caller started over a data set it filled; {@code --url}, {@code --seed},
   * {@code --recordings} and {@code --service-pid} in {@code args} are ignored. The harness is not
   * used: the signature matches the other benchmarks.
   */
  public static int run(
      List<String> args, Harness harness, ServiceProcess service, Dataset dataset) {
    Options options;
    try {
      options = Options.parse(args, OPTIONS);
    } catch (IllegalArgumentException e) {
      System.out.println("query: " + e.getMessage());
      System.out.print(USAGE);
      return 2;
    }
    return run(options, service.baseUrl(), service.pid(), dataset, System.out);
  }

  private static int run(
      Options options, URI url, long servicePid, Dataset dataset, PrintStream out) {
    List<Integer> clientCounts;
    QueryDriver.Settings base;
    Path resultsDir;
    Path plotDir;
    Duration readyTimeout;
    QueryPlanner planner;
    try {
      clientCounts = options.list("clients", List.of("1")).stream().map(Integer::parseInt).toList();
      base =
          new QueryDriver.Settings(
              url,
              1,
              options.duration("warmup", Duration.ofSeconds(120)),
              options.duration("max-warmup", Duration.ofSeconds(300)),
              options.duration("duration", Duration.ofSeconds(30)),
              options.decimal("rate", 0),
              QueryMix.parse(options.list("mixes", List.of("all"))),
              options.integer("page-size", 50),
              options.integer("pages", 3),
              options.integer("full-check-every", 16),
              options.number("rng-seed", 1),
              options.duration("timeout", Duration.ofSeconds(10)),
              options.duration("progress", Duration.ofSeconds(5)),
              servicePid,
              acceptGzip(options.string("accept-encoding", "gzip")));
      resultsDir = Path.of(options.string("results-dir", "benchmarks/results"));
      plotDir = Path.of(options.string("plot-dir", resultsDir.toString()));
      readyTimeout = options.duration("ready-timeout", Duration.ofSeconds(120));
      if (base.pageSize() < 1 || base.pageSize() > 100) {
        throw new IllegalArgumentException("--page-size must be 1..100");
      }
      planner = new QueryPlanner(dataset, base.pageSize());
    } catch (IllegalArgumentException e) {
      out.println("query: " + e.getMessage());
      out.print(USAGE);
      return 2;
    }
    try {
      String problem = IndexedCheck.await(url, dataset, planner, readyTimeout, out);
      if (problem != null) {
        out.println("query: " + problem);
        return 3;
      }
      out.printf(
          Locale.ROOT,
          "[query] %s, %,d recordings (seed %d), mixes %s, page size %d%n",
          url,
          dataset.recordings(),
          dataset.seed(),
          base.mixes().stream().map(QueryMix::label).toList(),
          base.pageSize());
      List<String> summary = new ArrayList<>();
      long errors = 0;
      for (int clients : clientCounts) {
        QueryDriver.Settings settings = withClients(base, clients);
        out.printf(
            Locale.ROOT,
            "[query] %d client(s), warm-up %s%s, measure %s%s%n",
            clients,
            settings.warmup(),
            settings.maxWarmup().compareTo(settings.warmup()) > 0
                ? " until the JIT is quiet, at most " + settings.maxWarmup()
                : "",
            settings.duration(),
            settings.rate() > 0 ? ", open loop at " + settings.rate() + " req/s" : "");
        QueryDriver.Result result = new QueryDriver(planner, settings, out).run();
        errors += result.errorCount();
        QueryReport.write(result, settings, dataset, options, resultsDir, plotDir, out);
        summary.add(QueryReport.summaryLine(clients, result));
      }
      if (clientCounts.size() > 1) {
        out.println();
        out.printf(
            Locale.ROOT,
            "%7s %9s %8s %8s %8s %8s %7s %7s %7s%n",
            "clients",
            "req/s",
            "p50 ms",
            "p99 ms",
            "p99.9 ms",
            "max ms",
            "errors",
            "driver",
            "service");
        summary.forEach(out::println);
      }
      return errors == 0 ? 0 : 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      out.println("query: interrupted");
      return 1;
    } catch (IOException e) {
      out.println("query: " + e);
      return 1;
    }
  }

  private static QueryDriver.Settings withClients(QueryDriver.Settings s, int clients) {
    return new QueryDriver.Settings(
        s.baseUrl(),
        clients,
        s.warmup(),
        s.maxWarmup(),
        s.duration(),
        s.rate(),
        s.mixes(),
        s.pageSize(),
        s.pages(),
        s.fullCheckEvery(),
        s.rngSeed(),
        s.timeout(),
        s.progressEvery(),
        s.servicePid(),
        s.acceptGzip());
  }

  /** {@code --accept-encoding}: true for gzip, false for identity. */
  static boolean acceptGzip(String encoding) {
    return switch (encoding) {
      case "gzip" -> true;
      case "identity" -> false;
      default ->
          throw new IllegalArgumentException(
              "--accept-encoding must be gzip or identity: " + encoding);
    };
  }
}
