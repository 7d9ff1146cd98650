package dev.recordingsindexer.api.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.recordingsindexer.api.broker.FreePorts;
import dev.recordingsindexer.api.faults.DeadLetterAudit.Written;
import dev.recordingsindexer.api.faults.HostileRecords.Hostile;
import dev.recordingsindexer.indexer.testing.ChaosEventGenerator;
import dev.recordingsindexer.indexer.testing.ContractOracle;
import dev.recordingsindexer.indexer.testing.RawRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dead-letter soak (issue 5, "Bad input, at scale"): over ten thousand malformed records of
 * every kind ({@link HostileRecords}, plus the malformed records and account conflicts of {@link
 * ChaosEventGenerator}) interleaved with a chaotic stream of valid events, written to one service
 * process with a 256 MiB heap, its dead-letter topic created beforehand with Kafka's 1 MiB limit.
 * Every bad record must then be in the dead-letter topic exactly once, unchanged (but the one too
 * large for any dead-letter topic, cut to fit), with its reason and its source coordinates ({@link
 * DeadLetterAudit}); every good one indexed as the contract's model says ({@link ModelCheck}); the
 * instance ready all along (its stream thread never died); and its live heap and resident memory
 * under fixed bounds ({@link MemorySampler}). About 2 minutes on 2 busy cores.
 */
class DeadLetterSoakIT {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterSoakIT.class);

  private static final int HOSTILE_RECORDS = 10_000;
  private static final int HEAVY_EACH = 3;
  private static final int RECORDINGS = 2_500;

  /**
   * The input topic takes records of up to 20 MiB (an operator's choice): 10 MB strings, and a bad
   * record too large for the dead-letter topic ({@link HostileRecords#OVERSIZED}).
   */
  private static final int INPUT_MAX_BYTES = 20 * 1024 * 1024;

  /**
   * The service's heap, and the bounds its memory must stay under: half that heap live after a
   * collection, and a resident set (heap, RocksDB's 64 MiB, metaspace, threads, buffers) twice what
   * the first runs measured (56 MiB live at most, 376 MiB resident, on 2 busy cores).
   */
  private static final String HEAP = "-Xmx256m";

  private static final long MAX_LIVE_AFTER_GC = 128L * 1024 * 1024;
  private static final long MAX_RSS = 768L * 1024 * 1024;

  /** Kinds the contract's model itself rejects (the others break the service's reading limits). */
  private static final Set<String> SCHEMA_KINDS =
      Set.of("wrong-type", "empty", "not-json", "not-an-object", "bad-enum", "bad-sid", "bad-date");

  private final Path dir = Deployment.directory(DeadLetterSoakIT.class);

  /** One record as written: a chaos record (good or not) or a hostile one. */
  private record Sent(ProducerRecord<byte[], byte[]> record, RawRecord chaos, String kind) {}

  @Test
  void shouldDeadLetterEveryBadRecordOnceAndIndexEveryGoodOneWithinBoundedMemory()
      throws Exception {
    ChaosEventGenerator generator = new ChaosEventGenerator(1034);
    List<RawRecord> chaos = generator.generate(RECORDINGS);
    List<Hostile> hostile =
        new HostileRecords(5, generator.accountSids()).generate(HOSTILE_RECORDS, HEAVY_EACH);
    assertThat(notRejectedByTheModel(hostile))
        .as("hostile records of schema kinds that the contract's model would accept")
        .isEmpty();

    int brokerPort = FreePorts.pick();
    try (BrokerProcess broker =
        BrokerProcess.onLoopback(dir.resolve("broker"), brokerPort, FreePorts.pick())) {
      broker.start();
      String bootstrap = broker.bootstrapServers();
      Deployment deployment = new Deployment(dir, bootstrap, generator.accountSids(), Map.of());
      createTopics(bootstrap, deployment);
      int port = FreePorts.pick();
      String url = "http://127.0.0.1:" + port;
      try (ModelCheck model = new ModelCheck(bootstrap, deployment);
          InstanceProcess instance =
              new InstanceProcess(
                      "instance",
                      dir,
                      deployment.environment(port, dir.resolve("state"), url),
                      List.of(),
                      url)
                  .jvmOptions(HEAP, "-XX:+ExitOnOutOfMemoryError");
          BrokerView view = new BrokerView(bootstrap)) {
        model.addAccounts(generator.accountSids());
        instance.start().awaitReady(Duration.ofMinutes(2));
        long origin = System.nanoTime();
        try (ReadinessWatch watch = new ReadinessWatch(instance);
            MemorySampler memory = new MemorySampler(instance)) {
          List<Sent> sent = interleave(deployment.topic(), chaos, hostile, new Random(7));
          List<RecordMetadata> written = produce(bootstrap, sent);
          long producedAt = System.nanoTime();
          model.addProduced(chaos);

          awaitCaughtUp(view, deployment, instance);
          long caughtUpAt = System.nanoTime();
          awaitListings(model, instance);

          List<Written> bad = badRecords(sent, written);
          DeadLetterAudit.Findings findings =
              new DeadLetterAudit(bootstrap, deployment.topic(), deployment.deadLetterTopic())
                  .audit(bad);
          LOG.info(
              "Soak: {} records written ({} hostile: {}; {} of the chaos stream, {} of them"
                  + " rejected by the model), {} MB, in {} s; caught up after {} s; {}; memory"
                  + " ({} {}):{}",
              sent.size(),
              hostile.size(),
              kinds(hostile),
              chaos.size(),
              bad.size() - hostile.size(),
              sent.stream().mapToLong(s -> bytes(s.record())).sum() / 1_000_000,
              (producedAt - origin) / 1_000_000_000,
              (caughtUpAt - origin) / 1_000_000_000,
              findings.summary(),
              HEAP,
              "-XX:+ExitOnOutOfMemoryError",
              memory.table(origin));

          assertThat(bad.size()).as("bad records written").isGreaterThanOrEqualTo(10_000);
          assertThat(findings.exact()).as(findings.summary()).isTrue();
          assertThat(findings.deadLetters()).isEqualTo(bad.size());
          assertThat(instance.isAlive()).as("the service process").isTrue();
          assertThat(
                  watch.changes().stream()
                      .filter(c -> c.at() > origin)
                      .filter(c -> c.ready() != 200 || !c.alive()))
              .as("readiness changes while the soak ran:" + watch.timeline(origin))
              .isEmpty();
          assertThat(instance.allLogs())
              .as("the service's log")
              .doesNotContain("PENDING_ERROR")
              .doesNotContain("OutOfMemoryError");
          assertThat(memory.samples()).as("memory samples").hasSizeGreaterThan(5);
          assertThat(memory.max(MemorySampler.Sample::liveAfterGc))
              .as("the largest heap live after a collection")
              .isPositive()
              .isLessThan(MAX_LIVE_AFTER_GC);
          assertThat(memory.max(MemorySampler.Sample::rss))
              .as("the largest resident set")
              .isPositive()
              .isLessThan(MAX_RSS);
        }
      }
    }
  }

  /** Those of the schema kinds that a fresh contract model would not dead-letter. */
  private static List<String> notRejectedByTheModel(List<Hostile> hostile) {
    List<String> accepted = new ArrayList<>();
    for (Hostile record : hostile) {
      if (!SCHEMA_KINDS.contains(record.kind())) {
        continue;
      }
      ContractOracle oracle = new ContractOracle();
      oracle.accept(text(record.key()), text(record.value()));
      if (oracle.deadLetterCount() != 1) {
        accepted.add(record.kind() + ": " + text(record.key()) + " -> " + text(record.value()));
      }
    }
    return accepted;
  }

  /**
   * The chaos stream in its order with the hostile records spread over it at random; every seventh
   * chaos record carries a header of its own.
   */
  private static List<Sent> interleave(
      String topic, List<RawRecord> chaos, List<Hostile> hostile, Random random) {
    List<Sent> sent = new ArrayList<>();
    int c = 0;
    int h = 0;
    while (c < chaos.size() || h < hostile.size()) {
      int left = chaos.size() - c + hostile.size() - h;
      if (h < hostile.size() && random.nextInt(left) < hostile.size() - h) {
        Hostile record = hostile.get(h++);
        sent.add(
            new Sent(
                new ProducerRecord<>(topic, null, record.key(), record.value(), record.headers()),
                null,
                record.kind()));
      } else {
        RawRecord record = chaos.get(c);
        List<Header> headers =
            c % 7 == 0 ? List.of(new RecordHeader("traceparent", bytes("00-" + c))) : List.of();
        c++;
        sent.add(
            new Sent(
                new ProducerRecord<>(
                    topic, null, bytes(record.key()), bytes(record.value()), headers),
                record,
                null));
      }
    }
    return sent;
  }

  /** Writes every record in order; returns where each landed, once all are acknowledged. */
  private static List<RecordMetadata> produce(String bootstrap, List<Sent> sent) {
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.CLIENT_ID_CONFIG,
                "dead-letter-soak-producer",
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                10,
                ProducerConfig.BATCH_SIZE_CONFIG,
                256 * 1024,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                INPUT_MAX_BYTES,
                ProducerConfig.BUFFER_MEMORY_CONFIG,
                128L * 1024 * 1024,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                300_000),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      List<Future<RecordMetadata>> sends = new ArrayList<>();
      sent.forEach(s -> sends.add(producer.send(s.record())));
      producer.flush();
      List<RecordMetadata> written = new ArrayList<>();
      for (Future<RecordMetadata> send : sends) {
        written.add(send.get(5, TimeUnit.MINUTES));
      }
      return written;
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError("an input record was not acknowledged", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while producing", e);
    }
  }

  /**
   * Every record that must be dead-lettered, where it landed: the hostile ones and those of the
   * chaos stream the contract's model rejects, fed in the order written.
   */
  private static List<Written> badRecords(List<Sent> sent, List<RecordMetadata> written) {
    ContractOracle stepping = new ContractOracle();
    List<Written> bad = new ArrayList<>();
    for (int i = 0; i < sent.size(); i++) {
      Sent s = sent.get(i);
      String kind = s.kind();
      if (s.chaos() != null) {
        int before = stepping.deadLetterCount();
        stepping.accept(s.chaos().key(), s.chaos().value());
        kind = stepping.deadLetterCount() > before ? "chaos-rejected" : null;
      }
      if (kind != null) {
        ProducerRecord<byte[], byte[]> record = s.record();
        bad.add(
            new Written(
                kind,
                written.get(i).partition(),
                written.get(i).offset(),
                record.key(),
                record.value(),
                record.headers().toArray()));
      }
    }
    return bad;
  }

  /** Until the service has committed every input and repartition offset. */
  private static void awaitCaughtUp(
      BrokerView view, Deployment deployment, InstanceProcess instance) {
    String repartition = deployment.applicationId() + "-recordings-by-sid-repartition";
    AtomicReference<String> last = new AtomicReference<>("not read yet");
    try {
      await("the service has processed every input record")
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofSeconds(1))
          .failFast("the service exited, see " + instance.currentLog(), () -> !instance.isAlive())
          .until(
              () -> {
                Map<Object, String> lagging = new TreeMap<>();
                view.lagging(deployment.applicationId(), deployment.topic())
                    .forEach((p, lag) -> lagging.put(p.toString(), lag));
                view.lagging(deployment.applicationId(), repartition)
                    .forEach((p, lag) -> lagging.put(p.toString(), lag));
                last.set(lagging.toString());
                return lagging.isEmpty();
              });
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("the service did not catch up; lagging: " + last.get(), e);
    }
  }

  private static void awaitListings(ModelCheck model, InstanceProcess instance) {
    AtomicReference<Optional<String>> last = new AtomicReference<>(Optional.empty());
    try {
      await("every account's listing equals the model")
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () -> {
                last.set(model.listingDifference(instance.baseUrl()));
                return last.get().isEmpty();
              });
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("listings differ from the model: " + last.get().orElse(""), e);
    }
  }

  /**
   * Creates the input topic taking {@link #INPUT_MAX_BYTES}, and the dead-letter topic with the
   * broker's default limit (1 MiB), as an operator or an earlier version may have: the service must
   * raise it, or the first large bad record would stop it.
   */
  private static void createTopics(String bootstrap, Deployment deployment) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(deployment.topic(), 3, (short) 1)
                      .configs(
                          Map.of(
                              TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                              Integer.toString(INPUT_MAX_BYTES))),
                  new NewTopic(deployment.deadLetterTopic(), 3, (short) 1)))
          .all()
          .get(1, TimeUnit.MINUTES);
    }
  }

  private static String kinds(List<Hostile> hostile) {
    return hostile.stream()
        .collect(Collectors.groupingBy(Hostile::kind, TreeMap::new, Collectors.counting()))
        .toString();
  }

  private static long bytes(ProducerRecord<byte[], byte[]> record) {
    long size = (record.key() == null ? 0 : record.key().length);
    size += record.value() == null ? 0 : record.value().length;
    for (Header header : record.headers()) {
      size += header.key().length() + (header.value() == null ? 0 : header.value().length);
    }
    return size;
  }

  private static byte[] bytes(String text) {
    return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] bytes) {
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }
}
