package dev.recordingsindexer.api.faults;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.query.RecordingFilter;
import dev.recordingsindexer.indexer.testing.ContractOracle;
import dev.recordingsindexer.indexer.testing.RawRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The model side of every drill: writes input records (an idempotent producer; each send must be
 * acknowledged, so the records produced are exactly those the model folds), and compares what the
 * service shows with the {@link ContractOracle} over them: every account's whole listing, page by
 * page over HTTP, recording by recording in every field; every purged SID answering 404; and the
 * dead-letter topic ({@link DeadLetterTopic}) holding exactly the records the contract rejects. Not
 * thread-safe, except {@link #expectedListing} once production has ended.
 */
final class ModelCheck implements AutoCloseable {

  private static final int PAGE_SIZE = 100;

  private final String topic;
  private final DeadLetterTopic deadLetterTopic;
  private final KafkaProducer<String, String> producer;
  private final ApiClient client = new ApiClient(Duration.ofSeconds(20));
  private final List<RawRecord> produced = new ArrayList<>();
  private final Set<String> accounts = new LinkedHashSet<>();
  private ContractOracle oracle;
  private List<String> deadLetters;

  ModelCheck(String bootstrapServers, Deployment deployment) {
    this.topic = deployment.topic();
    this.deadLetterTopic = new DeadLetterTopic(bootstrapServers, deployment.deadLetterTopic());
    this.producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG,
                "fault-drill-model-producer",
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                5,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                300_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                300_000),
            new StringSerializer(),
            new StringSerializer());
  }

  /** Splits {@code records} into {@code count} consecutive chunks of about equal size. */
  static List<List<RawRecord>> chunks(List<RawRecord> records, int count) {
    List<List<RawRecord>> chunks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      chunks.add(records.subList(i * records.size() / count, (i + 1) * records.size() / count));
    }
    return chunks;
  }

  /** Adds accounts whose listings the checks compare (every account a stream uses). */
  ModelCheck addAccounts(Collection<String> more) {
    accounts.addAll(more);
    return this;
  }

  List<String> accounts() {
    return List.copyOf(accounts);
  }

  /**
   * Writes {@code records} in order and waits until each is acknowledged; only then are they part
   * of the model.
   *
   * @throws AssertionError when a send fails (the model would no longer know what was written)
   */
  void produce(List<RawRecord> records) {
    List<Future<RecordMetadata>> sends = new ArrayList<>();
    for (RawRecord record : records) {
      sends.add(producer.send(new ProducerRecord<>(topic, record.key(), record.value())));
    }
    producer.flush();
    for (Future<RecordMetadata> send : sends) {
      try {
        send.get(5, TimeUnit.MINUTES);
      } catch (ExecutionException | TimeoutException e) {
        throw new AssertionError("an input record was not acknowledged", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while producing", e);
      }
    }
    produced.addAll(records);
    oracle = null;
    deadLetters = null;
  }

  /**
   * Adds records another producer wrote (each acknowledged, in this order) to the model, as if
   * {@link #produce} had written them.
   */
  void addProduced(List<RawRecord> records) {
    produced.addAll(records);
    oracle = null;
    deadLetters = null;
  }

  int producedCount() {
    return produced.size();
  }

  /** The contract's fold of everything produced so far. */
  ContractOracle oracle() {
    if (oracle == null) {
      oracle = new ContractOracle().acceptAll(produced);
    }
    return oracle;
  }

  /** The records the contract sends to the dead-letter topic, as {@link DeadLetterTopic#line}s. */
  List<String> expectedDeadLetters() {
    if (deadLetters == null) {
      ContractOracle stepping = new ContractOracle();
      List<String> rejected = new ArrayList<>();
      for (RawRecord record : produced) {
        int before = stepping.deadLetterCount();
        stepping.accept(record.key(), record.value());
        if (stepping.deadLetterCount() > before) {
          rejected.add(DeadLetterTopic.line(record.key(), record.value()));
        }
      }
      deadLetters = List.copyOf(rejected);
    }
    return deadLetters;
  }

  /** The account's whole listing as the API must render it, in list order. */
  List<JsonNode> expectedListing(String account) {
    return oracle().list(account, RecordingFilter.NONE).stream()
        .map(RecordingJson::expected)
        .toList();
  }

  /**
   * Waits until every instance lists every account exactly as the model and the dead-letter topic
   * holds exactly the rejected records; then checks the purged SIDs answer 404.
   *
   * @throws AssertionError naming the last difference seen when {@code atMost} passes
   */
  void awaitExact(String what, Duration atMost, InstanceProcess... instances) {
    AtomicReference<String> last = new AtomicReference<>("not compared yet");
    try {
      await(what)
          .atMost(atMost)
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () -> {
                Optional<String> difference = difference(instances);
                last.set(difference.orElse(null));
                return difference.isEmpty();
              });
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(what + " did not happen; last difference: " + last.get(), e);
    }
    for (InstanceProcess instance : instances) {
      purgedDifference(instance.baseUrl())
          .ifPresent(
              d -> {
                throw new AssertionError(instance + ": " + d);
              });
    }
  }

  private Optional<String> difference(InstanceProcess... instances) {
    for (InstanceProcess instance : instances) {
      if (!instance.isAlive()) {
        return Optional.of(instance + " is not running, see " + instance.currentLog());
      }
      Optional<String> listing = listingDifference(instance.baseUrl());
      if (listing.isPresent()) {
        return Optional.of(instance + ": " + listing.get());
      }
    }
    return deadLetterTopic.difference(expectedDeadLetters());
  }

  /** How the listings of {@code baseUrl} differ from the model; empty when they are equal. */
  Optional<String> listingDifference(String baseUrl) {
    for (String account : accounts) {
      Optional<List<JsonNode>> listed = listing(baseUrl, account);
      if (listed.isEmpty()) {
        return Optional.of("the listing of " + account + " was not answered completely");
      }
      Optional<String> difference = compare(account, expectedListing(account), listed.get());
      if (difference.isPresent()) {
        return difference;
      }
    }
    return Optional.empty();
  }

  /**
   * How {@code actual} (the API's recordings, comparable) differs from {@code expected}, recording
   * by recording; empty when equal.
   */
  static Optional<String> compare(String account, List<JsonNode> expected, List<JsonNode> actual) {
    if (expected.equals(actual)) {
      return Optional.empty();
    }
    Set<String> expectedSids = sids(expected);
    List<String> missing = new ArrayList<>(expectedSids);
    missing.removeAll(sids(actual));
    List<String> extra = new ArrayList<>(sids(actual));
    extra.removeAll(expectedSids);
    List<String> doubled =
        new ArrayList<>(actual.stream().map(r -> r.path("sid").asText()).toList());
    sids(actual).forEach(doubled::remove);
    StringBuilder text =
        new StringBuilder(account)
            .append(": expected ")
            .append(expected.size())
            .append(" recordings, listed ")
            .append(actual.size())
            .append("; missing ")
            .append(missing)
            .append(", unexpected ")
            .append(extra)
            .append(", listed twice ")
            .append(doubled);
    for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
      if (!expected.get(i).equals(actual.get(i))) {
        text.append("; first difference at ")
            .append(i)
            .append(": expected ")
            .append(expected.get(i))
            .append(" but was ")
            .append(actual.get(i));
        break;
      }
    }
    return Optional.of(text.toString());
  }

  private static Set<String> sids(List<JsonNode> recordings) {
    Set<String> sids = new LinkedHashSet<>();
    recordings.forEach(r -> sids.add(r.path("sid").asText()));
    return sids;
  }

  /**
   * Follows the account's unfiltered listing from the first page to the last; empty when any page
   * is not a 200. The recordings are made {@link RecordingJson#comparable comparable}.
   */
  Optional<List<JsonNode>> listing(String baseUrl, String account) {
    List<JsonNode> listed = new ArrayList<>();
    String url = baseUrl + "/v1/Recordings?PageSize=" + PAGE_SIZE;
    while (url != null) {
      ApiClient.Answer page = client.get(url, account);
      if (page.status() != 200 || page.body() == null) {
        return Optional.empty();
      }
      page.body().get("recordings").forEach(r -> listed.add(RecordingJson.comparable(r)));
      JsonNode next = page.body().path("meta").path("next_page_url");
      url = next.isTextual() ? next.asText() : null;
    }
    return Optional.of(listed);
  }

  /** Every SID purged by a tombstone must answer 404 (its events after the purge included). */
  private Optional<String> purgedDifference(String baseUrl) {
    for (RawRecord record : produced) {
      if (record.isTombstone()
          && record.key() != null
          && oracle().recording(record.key()).isEmpty()) {
        String owner = ownerOfPurged(record.key());
        ApiClient.Answer fetched = client.get(baseUrl + "/v1/Recordings/" + record.key(), owner);
        if (fetched.status() != 404) {
          return Optional.of("purged " + record.key() + " answered " + fetched);
        }
      }
    }
    return Optional.empty();
  }

  /** The account of a purged recording's events (any account would get 404; ask the owner). */
  private String ownerOfPurged(String sid) {
    for (RawRecord record : produced) {
      if (sid.equals(record.key()) && record.value() != null) {
        for (String account : accounts) {
          if (record.value().contains(account)) {
            return account;
          }
        }
      }
    }
    return accounts.iterator().next();
  }

  /** Every recording of the model, for sizing messages. */
  List<Recording> recordings() {
    return oracle().recordings();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
