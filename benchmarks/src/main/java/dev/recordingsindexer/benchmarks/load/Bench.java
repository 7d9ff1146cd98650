package dev.recordingsindexer.benchmarks.load;

import dev.recordingsindexer.benchmarks.query.FreshnessBenchmark;
import dev.recordingsindexer.benchmarks.query.QueryBenchmark;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

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

      options (defaults):
      """;

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
    try {
      options = BenchOptions.parse(args.subList(1, args.size()));
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      return 2;
    }
    String subcommand = args.get(0);
    ResultLog.markStart();
    if (!List.of("query", "freshness").contains(subcommand) && !options.rest().isEmpty()) {
      System.err.println("error: unknown options " + options.rest() + "\n" + usage());
      return 2;
    }
    return switch (subcommand) {
      case "generate" -> GenerateCommand.run(options);
      case "plain-consumer" -> GenerateCommand.plainConsumer(options);
      case "ingest" -> IngestBenchmark.run(options);
      case "restore" -> RestoreBenchmark.run(options);
      case "footprint" -> FootprintBenchmark.run(options);
      case "query", "freshness" -> delegate(subcommand, options);
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
    if (subcommand.equals("freshness")) {
      rest.add("--topic");
      rest.add(options.get("--topic"));
    }
    try (Harness harness = Harness.start(options.workDir())) {
      ServiceProcess service = Prepared.service(harness, options);
      Dataset dataset = options.dataset();
      int code =
          subcommand.equals("query")
              ? QueryBenchmark.run(rest, harness, service, dataset)
              : FreshnessBenchmark.run(rest, harness, service, dataset);
      service.close();
      return code;
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
            + " \"-XX:+UseParallelGC\"; --jfr-seconds N records N s of JFR into the work dir.\n");
    text.append(
        "\nThe work directory keeps the broker's data, the filled topic and the index:"
            + " delete it to start over.\n");
    return text.toString();
  }
}
