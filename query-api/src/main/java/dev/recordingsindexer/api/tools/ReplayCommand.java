package dev.recordingsindexer.api.tools;

import dev.recordingsindexer.api.EmbeddedBrokerAddress;
import dev.recordingsindexer.api.config.UsageException;
import dev.recordingsindexer.indexer.topology.IndexerSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code replay --file events.jsonl [--topic T] [--bootstrap-servers B]}: writes a JSON-lines file
 * to the events topic in file order (one producer, idempotent, so per-partition order is the
 * file's), with a progress bar on stderr and a summary of what was written and which lines were
 * rejected and why.
 *
 * <p>Exit codes: 0 all lines written; 3 some lines rejected (the others written); 1 the file is
 * unreadable or Kafka refused records; 2 usage error.
 */
public final class ReplayCommand {

  public static final String USAGE =
      "replay --file FILE [--topic TOPIC] [--bootstrap-servers HOST:PORT]\n"
          + "  FILE: one record a line, {\"key\": \"RT...\", \"value\": {event} | \"text\" | null}\n"
          + "        or a bare event object (keyed by its recording_sid); null value = tombstone\n"
          + "  TOPIC defaults to RECORDINGS_TOPIC or recording-events; the servers default to\n"
          + "  KAFKA_BOOTSTRAP_SERVERS, else the embedded broker of a service using DATA_DIR (./data)";

  private static final int MAX_REJECTIONS_LISTED = 20;

  private ReplayCommand() {}

  /** Runs the command; returns the process exit code. */
  public static int run(
      List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
    Map<String, String> flags;
    try {
      flags = flags(args);
    } catch (UsageException e) {
      err.println("error: " + e.getMessage());
      err.println("usage: " + USAGE);
      return 2;
    }
    if (flags.containsKey("--help")) {
      out.println("usage: " + USAGE);
      return 0;
    }
    Path file = Path.of(flags.get("--file"));
    String topic =
        flags.getOrDefault(
            "--topic", env.getOrDefault("RECORDINGS_TOPIC", IndexerSettings.DEFAULT_INPUT_TOPIC));
    Optional<String> bootstrap = bootstrapServers(flags, env);
    if (bootstrap.isEmpty()) {
      err.println(
          "error: no Kafka to write to: give --bootstrap-servers or KAFKA_BOOTSTRAP_SERVERS,"
              + " or start the service with its embedded broker first");
      return 2;
    }
    if (!Files.isReadable(file) || Files.isDirectory(file)) {
      err.println("error: cannot read " + file);
      return 1;
    }
    try {
      Summary summary = replay(file, topic, bootstrap.get(), err);
      summary.print(out, topic);
      return summary.exitCode();
    } catch (IOException e) {
      err.println("error: cannot read " + file + ": " + e.getMessage());
      return 1;
    }
  }

  private static Summary replay(Path file, String topic, String bootstrap, PrintStream err)
      throws IOException {
    Summary summary = new Summary();
    AtomicLong failed = new AtomicLong();
    AtomicReference<Exception> firstFailure = new AtomicReference<>();
    ProgressBar progress = new ProgressBar(err, Files.size(file));
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        KafkaProducer<String, String> producer = producer(bootstrap)) {
      long bytes = 0;
      long lineNumber = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        bytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
        if (!line.isBlank()) {
          summary.accept(lineNumber, line, producer, topic, failed, firstFailure);
        }
        progress.update(bytes, summary.written);
      }
      producer.flush();
    }
    progress.finish();
    summary.failed = failed.get();
    summary.firstFailure = firstFailure.get();
    return summary;
  }

  private static KafkaProducer<String, String> producer(String bootstrap) {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }

  private static Optional<String> bootstrapServers(
      Map<String, String> flags, Map<String, String> env) {
    if (flags.containsKey("--bootstrap-servers")) {
      return Optional.of(flags.get("--bootstrap-servers"));
    }
    String fromEnv = env.get("KAFKA_BOOTSTRAP_SERVERS");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Optional.of(fromEnv.trim());
    }
    return EmbeddedBrokerAddress.read(Path.of(env.getOrDefault("DATA_DIR", "./data")));
  }

  private static Map<String, String> flags(List<String> args) {
    Map<String, String> flags = new HashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String flag = args.get(i);
      switch (flag) {
        case "--help", "-h" -> flags.put("--help", "");
        case "--file", "--topic", "--bootstrap-servers" -> {
          if (i + 1 >= args.size()) {
            throw new UsageException("flag " + flag + " needs a value");
          }
          flags.put(flag, args.get(++i));
        }
        default -> throw new UsageException("unknown flag: " + flag);
      }
    }
    if (!flags.containsKey("--help") && !flags.containsKey("--file")) {
      throw new UsageException("--file is required");
    }
    return flags;
  }

  /** What a replay did. */
  private static final class Summary {
    long written;
    long tombstones;
    long failed;
    Exception firstFailure;
    final List<String> rejections = new ArrayList<>();

    void accept(
        long lineNumber,
        String line,
        KafkaProducer<String, String> producer,
        String topic,
        AtomicLong failed,
        AtomicReference<Exception> firstFailure) {
      try {
        ReplayLine record = ReplayLine.parse(line);
        producer.send(
            new ProducerRecord<>(topic, record.key(), record.value()),
            (metadata, exception) -> {
              if (exception != null) {
                failed.incrementAndGet();
                firstFailure.compareAndSet(null, exception);
              }
            });
        written++;
        if (record.isTombstone()) {
          tombstones++;
        }
      } catch (ReplayLine.RejectedLineException e) {
        rejections.add("line " + lineNumber + ": " + e.getMessage());
      }
    }

    void print(PrintStream out, String topic) {
      out.println(
          "written "
              + (written - failed)
              + " records to "
              + topic
              + " ("
              + tombstones
              + " tombstones), rejected "
              + rejections.size()
              + " lines");
      rejections.stream().limit(MAX_REJECTIONS_LISTED).forEach(r -> out.println("  " + r));
      if (rejections.size() > MAX_REJECTIONS_LISTED) {
        out.println("  ... and " + (rejections.size() - MAX_REJECTIONS_LISTED) + " more");
      }
      if (failed > 0) {
        out.println("Kafka refused " + failed + " records: " + firstFailure);
      }
    }

    int exitCode() {
      if (failed > 0) {
        return 1;
      }
      return rejections.isEmpty() ? 0 : 3;
    }
  }
}
