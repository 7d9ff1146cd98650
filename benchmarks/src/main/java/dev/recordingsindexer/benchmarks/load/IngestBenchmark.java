package dev.recordingsindexer.benchmarks.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ingest}: fills the topic (or reuses it), times a plain consumer over it, then indexes it
 * with a fresh service and times it until its committed offsets reach the ends of the input and
 * repartition topics. The figure is the ratio of the two rates (target: exactly-once >= 50%). Also
 * checks a sample of recordings over HTTP and measures the memory at the end.
 */
final class IngestBenchmark {

  private IngestBenchmark() {}

  static int run(BenchOptions options) {
    Dataset dataset = options.dataset();
    try (Harness harness = Harness.start(options.workDir())) {
      DataSetup.Filled filled = DataSetup.ensure(harness, options);
      System.out.println("Plain consumer over the whole topic");
      double brokerCpu = CpuClock.seconds(harness.brokerPid());
      PlainConsumer.Result plain =
          PlainConsumer.readAll(harness.bootstrapServers(), options.get("--topic"));
      brokerCpu = CpuClock.seconds(harness.brokerPid()) - brokerCpu;
      System.out.println("Indexing with a fresh service (" + options.get("--guarantee") + ")");
      Indexing.Result ingest = Indexing.indexFresh(harness, options, filled.events());
      ServiceProcess service = ingest.service();
      List<String> mismatches = SampleCheck.mismatches(service, dataset, 50);
      double ingestRate = ingest.events() / ingest.processingSeconds();
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("recordings", dataset.recordings());
      figures.put("events", filled.events());
      figures.put("topic_reused", filled.reused());
      figures.put("producer_events_per_s", round(filled.producerRate()));
      figures.put("plain_consumer_records_per_s", round(plain.rate()));
      figures.put("plain_consumer_mib_per_s", round(plain.bytes() / plain.seconds() / 1048576.0));
      figures.put("plain_consumer_cpu_s", round(plain.cpuSeconds()));
      figures.put("plain_consumer_broker_cpu_s", round(brokerCpu));
      figures.put("service_start_to_ready_s", ingest.toReady().toMillis() / 1e3);
      figures.put("ready_to_lag0_s", round(ingest.processingSeconds()));
      figures.put("start_to_lag0_s", ingest.toCaughtUp().toMillis() / 1e3);
      figures.put("ingest_events_per_s", round(ingestRate));
      figures.put(
          "ingest_events_per_s_incl_start",
          round(ingest.events() / (ingest.toCaughtUp().toMillis() / 1e3)));
      figures.put("ratio_to_plain_consumer", Math.round(ingestRate / plain.rate() * 1000) / 1000.0);
      figures.put("ingest_service_cpu_s", round(ingest.serviceCpuSeconds()));
      figures.put("ingest_broker_cpu_s", round(ingest.brokerCpuSeconds()));
      figures.put(
          "ingest_events_per_service_cpu_s", round(ingest.events() / ingest.serviceCpuSeconds()));
      figures.put("recordings_stored_metric", service.metric("recordings_stored", null));
      figures.put(
          "dead_lettered_metric", service.metric("recordings_events_dead_lettered_total", null));
      figures.put("sample_mismatches", mismatches.size());
      figures.putAll(Footprint.measure(service, "after_ingest_"));
      mismatches.stream().limit(5).forEach(m -> System.out.println("MISMATCH " + m));
      ResultLog.write("ingest", options, figures);
      service.close();
      return mismatches.isEmpty() ? 0 : 1;
    }
  }

  /** One decimal; NaN stays NaN (reported as n/a and null). */
  static double round(double value) {
    return Double.isNaN(value) ? value : Math.round(value * 10) / 10.0;
  }
}
