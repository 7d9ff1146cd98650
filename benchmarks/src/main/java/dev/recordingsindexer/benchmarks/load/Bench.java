package dev.recordingsindexer.benchmarks.load;

import dev.recordingsindexer.benchmarks.query.FreshnessBenchmark;
import dev.recordingsindexer.benchmarks.query.HttpCeiling;
import dev.recordingsindexer.benchmarks.query.QueryBenchmark;
import dev.recordingsindexer.benchmarks.query.SoakBenchmark;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * The performance kit's command line: {@code Bench <subcommand> [options]}. Each subcommand prints
 * progress every 5 s, a table at the end, and appends a JSON line to {@code
 * <results-dir>/<subcommand>.jsonl}. Processes (broker, services) are started under the work
 * directory, whose filled topic and index later subcommands reuse.
 */
public final class Bench {

  static final String USAGE =
      """
      usage: benchmarks/bench <subcommand> [options]

      subcommands:
        generate        fill the topic with the data set's events (on --bootstrap, or on the
                        work directory's own broker, kept for later subcommands)
        plain-consumer  time a plain Kafka consumer reading the whole topic
        ingest          fill (or reuse) the topic, time the plain consumer, then a fresh service
                        until its consumer lag is 0; the ratio is the figure (target >= 0.5)
        restore         time restarts to /readyz: on the kept state, then with it deleted
                        (target <= 60 s at 1,000,000 recordings)
        footprint       heap after GC and RSS of the service on the indexed data set
                        (target heap <= 512 MiB at 1,000,000 recordings with -Xmx512m)
        query           query latency under load (KIT2's driver; its options pass through)
        freshness       time from event produced to visible (KIT2's driver; options pass through)
        http-ceiling    what the HTTP stack alone serves: one real page of the indexed service,
                        served by Javalin with the service's gzip and nothing behind it, to
                        closed-loop clients (--clients 1,16 --warmup 30s --duration 60s
                        --gzip-level 1 --accept-encoding gzip|identity); a ceiling for query
        soak            --minutes (30) of replayed ingest (--ingest-rate 1400 events/s) and queries
                        (--query-rate 150/s), sampling heap, RSS, files, RocksDB memory and lag
                        every 10 s; plot to --plot (docs/img/soak-<minutes>min.png), verdict
                        (--recordings defaults to 100000 here; not part of CI)

      options (defaults):
      """;

  /** The subcommands whose options beyond the harness's pass through to their driver. */
  private static final List<String> PASS_THROUGH =
      List.of("query", "freshness", "soak", "http-ceiling");

  private Bench() {}

  public static void main(String[] args) {
    System.exit(run(Arrays.asList(args)));
  }

  static int run(List<String> args) {
    if (args.isEmpty() || args.contains("--help") || args.contains("-h")) {
      System.out.print(usage());
      return args.isEmpty() ? 2 : 0;
    }
    BenchOptions options;
    List<String> given = new ArrayList<>(args.subList(1, args.size()));
    if (args.get(0).equals("soak") && !given.contains("--recordings")) {
      given.addAll(List.of("--recordings", "100000"));
    }
    try {
      options = BenchOptions.parse(given);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      return 2;
    }
    String subcommand = args.get(0);
    ResultLog.markStart();
    if (!PASS_THROUGH.contains(subcommand) && !options.rest().isEmpty()) {
      System.err.println("error: unknown options " + options.rest() + "\n" + usage());
      return 2;
    }
    return switch (subcommand) {
      case "generate" -> GenerateCommand.run(options);
      case "plain-consumer" -> GenerateCommand.plainConsumer(options);
      case "ingest" -> IngestBenchmark.run(options);
      case "restore" -> RestoreBenchmark.run(options);
      case "footprint" -> FootprintBenchmark.run(options);
      case "query", "freshness", "soak", "http-ceiling" -> delegate(subcommand, options);
      default -> {
        System.err.println("error: unknown subcommand " + subcommand + "\n" + usage());
        yield 2;
      }
    };
  }

  /** Runs KIT2's drivers on the indexed data set, with a service kept running for them. */
  private static int delegate(String subcommand, BenchOptions options) {
    List<String> rest = new ArrayList<>(options.rest());
    rest.add("--results-dir");
    rest.add(options.get("--results-dir"));
    if (!subcommand.equals("query") && !subcommand.equals("http-ceiling")) {
      rest.add("--topic");
      rest.add(options.get("--topic"));
    }
    try (Harness harness = Harness.start(options.workDir())) {
      ServiceProcess service = Prepared.service(harness, options);
      Dataset dataset = options.dataset();
      int code =
          switch (subcommand) {
            case "query" -> QueryBenchmark.run(rest, harness, service, dataset);
            case "soak" -> soak(rest, harness, service, dataset, options);
            case "http-ceiling" ->
                HttpCeiling.run(rest, harness.workDir(), harness.serviceJar(), service, dataset);
            default -> FreshnessBenchmark.run(rest, harness, service, dataset);
          };
      service.close();
      return code;
    }
  }

  private static int soak(
      List<String> rest,
      Harness harness,
      ServiceProcess service,
      Dataset dataset,
      BenchOptions options) {
    try (Admin admin = harness.admin()) {
      LagProbe probe = new LagProbe(admin, Indexing.APPLICATION_ID, options.get("--topic"));
      return SoakBenchmark.run(
          rest,
          harness,
          service,
          dataset,
          () -> {
            LagProbe.Lag lag = probe.lag();
            return lag.input() + lag.repartition();
          });
    }
  }

  static String usage() {
    StringBuilder text = new StringBuilder(USAGE);
    for (Map.Entry<String, String> option : BenchOptions.DEFAULTS.entrySet()) {
      text.append(String.format("  %-22s %s%n", option.getKey(), option.getValue()));
    }
    text.append("  --refill               refill the topic even if it holds the data set\n");
    text.append(
        "\n--commit-interval-ms empty = the service's default, except 1000 with at_least_once"
            + " (else lag 0 shows up to 30 s late).\n--jvm-args are the service's, e.g."
            + " \"-XX:+UseParallelGC\"; --service-env sets service settings,"
            + " e.g. ROCKSDB_CACHE_MB=512,COMMIT_INTERVAL_MS=50;\n--jfr-seconds N records N s of"
            + " JFR into the work dir.\n");
    text.append(
        "\nThe work directory keeps the broker's data, the filled topic and the index:"
            + " delete it to start over.\n");
    return text.toString();
  }
}
