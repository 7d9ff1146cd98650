package dev.recordingsindexer.benchmarks.load;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code generate} (fill a topic with the data set's events) and {@code plain-consumer} (time a
 * plain consumer over the work directory's filled topic).
 */
final class GenerateCommand {

  private GenerateCommand() {}

  static int run(BenchOptions options) {
    Dataset dataset = options.dataset();
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("recordings", dataset.recordings());
    String bootstrap = options.get("--bootstrap");
    if (!bootstrap.isBlank()) {
      long start = System.nanoTime();
      long events =
          new Filler(bootstrap)
              .fill(dataset.events(options.get("--topic"), 0, dataset.recordings()));
      double seconds = (System.nanoTime() - start) / 1e9;
      figures.put("events", events);
      figures.put("producer_events_per_s", IngestBenchmark.round(events / seconds));
    } else {
      try (Harness harness = Harness.start(options.workDir())) {
        DataSetup.Filled filled = DataSetup.ensure(harness, options);
        figures.put("events", filled.events());
        figures.put("topic_reused", filled.reused());
        figures.put("producer_events_per_s", IngestBenchmark.round(filled.producerRate()));
      }
    }
    ResultLog.write("generate", options, figures);
    return 0;
  }

  static int plainConsumer(BenchOptions options) {
    try (Harness harness = Harness.start(options.workDir())) {
      DataSetup.Filled filled = DataSetup.ensure(harness, options);
      PlainConsumer.Result plain =
          PlainConsumer.readAll(harness.bootstrapServers(), options.get("--topic"));
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("recordings", options.dataset().recordings());
      figures.put("events", filled.events());
      figures.put("records_read", plain.records());
      figures.put("plain_consumer_records_per_s", IngestBenchmark.round(plain.rate()));
      figures.put(
          "plain_consumer_mib_per_s",
          IngestBenchmark.round(plain.bytes() / plain.seconds() / 1048576.0));
      ResultLog.write("plain-consumer", options, figures);
      return 0;
    }
  }
}
