package dev.recordingsindexer.api.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the instances of one drill share: the broker address, fresh topic names and application id,
 * the secrets and an accounts file where every account has the token {@link #TOKEN}. {@link
 * #environment} gives one instance's environment on top of it.
 */
final class Deployment {

  /** The instances' group session timeout: the drills' faults outlast it. */
  static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);

  static final String TOKEN = "token-of-every-fault-drill-account";

  private final Map<String, String> shared;

  /**
   * @param dir a fresh directory of the drill (the accounts file is written here)
   * @param bootstrapServers the broker as the instances reach it
   * @param accounts every account the drill's streams use
   * @param overrides settings laid over the defaults (e.g. {@code COMMIT_INTERVAL_MS})
   */
  Deployment(
      Path dir, String bootstrapServers, List<String> accounts, Map<String, String> overrides) {
    String run = UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> tokens = new LinkedHashMap<>();
    accounts.forEach(account -> tokens.put(account, TOKEN));
    Path accountsFile = dir.resolve("accounts.json");
    try {
      Files.createDirectories(dir);
      Files.writeString(accountsFile, new ObjectMapper().writeValueAsString(tokens));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + accountsFile, e);
    }
    Map<String, String> env = new HashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
    env.put("RECORDINGS_TOPIC", "fault-events-" + run);
    env.put("DLQ_TOPIC", "fault-dlq-" + run);
    env.put("APPLICATION_ID", "fault-drill-" + run);
    env.put("DATA_DIR", dir.resolve("data").toString());
    env.put("ACCOUNTS_FILE", accountsFile.toString());
    env.put("TOKEN_SECRET", "fault-drill-token-secret-" + run);
    env.put("TOPIC_PARTITIONS", "3");
    // A crashed or cut-off instance is dropped from the group after this, not Kafka's 45 s
    env.put("SESSION_TIMEOUT_MS", Long.toString(SESSION_TIMEOUT.toMillis()));
    env.putAll(overrides);
    this.shared = Map.copyOf(env);
  }

  /**
   * A fresh directory for one drill under {@code target/fault-drills}, kept after the run so that
   * the processes' logs can be read when it fails.
   */
  static Path directory(Class<?> drill) {
    Path dir =
        Path.of("target", "fault-drills", drill.getSimpleName() + "-" + System.currentTimeMillis())
            .toAbsolutePath();
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
  }

  String topic() {
    return shared.get("RECORDINGS_TOPIC");
  }

  String deadLetterTopic() {
    return shared.get("DLQ_TOPIC");
  }

  String applicationId() {
    return shared.get("APPLICATION_ID");
  }

  /** The internal topics the service writes under transactions, besides the dead-letter topic. */
  List<String> internalTopics() {
    return List.of(
        applicationId() + "-recordings-changelog",
        applicationId() + "-recordings-by-sid-repartition");
  }

  /**
   * One instance's environment: the shared settings, its HTTP port, state directory and the URL its
   * peers use.
   */
  Map<String, String> environment(int httpPort, Path stateDir, String advertisedUrl) {
    Map<String, String> env = new HashMap<>(shared);
    env.put("HTTP_PORT", Integer.toString(httpPort));
    env.put("STATE_DIR", stateDir.toString());
    env.put("ADVERTISED_URL", advertisedUrl);
    return env;
  }
}
