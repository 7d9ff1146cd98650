package dev.recordingsindexer.api.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every setting the service reads: its environment variable, the flag that mirrors it ({@code
 * HTTP_PORT} is {@code --http-port}), its default as an operator reads it, and its meaning. The
 * usage text and the README's table come from here.
 */
public enum Setting {
  KAFKA_BOOTSTRAP_SERVERS(
      "(embedded broker)",
      "host:port list of the Kafka cluster; absent = start a broker in-process"),
  RECORDINGS_TOPIC("recording-events", "topic of the recording lifecycle events"),
  DLQ_TOPIC("recording-events-dlq", "dead-letter topic for records that are not valid events"),
  APPLICATION_ID(
      "recordings-indexer", "Kafka Streams application id; instances sharing it share the work"),
  STATE_DIR(
      "./data/state", "directory of the RocksDB state stores (and the generated token secret)"),
  DATA_DIR(
      "./data", "directory of the embedded broker's logs (DATA_DIR/kafka) and the demo accounts"),
  HTTP_PORT("8080", "HTTP port of the API (0 = any free port)"),
  ADVERTISED_URL("http://localhost:HTTP_PORT", "this instance's address for the other instances"),
  PUBLIC_BASE_URL(
      "(from the request)", "base of the URLs in responses, e.g. https://video.example.com"),
  ACCOUNTS_FILE(
      "DATA_DIR/demo-accounts.json",
      "JSON object of account SID to auth token; absent = a demo account with a random token, created once"),
  TOKEN_SECRET(
      "(generated into STATE_DIR)",
      "secret signing page tokens; instances sharing an APPLICATION_ID must share it"),
  PEER_SECRET("(none)", "secret authenticating calls between instances"),
  CORS_ALLOWED_ORIGINS("*", "comma-separated allowed origins, or *"),
  HTTP_IDLE_TIMEOUT_MS(
      "30000", "an HTTP connection silent this long (mid-request or between requests) is closed"),
  HTTP_GZIP_LEVEL(
      "1",
      "gzip level (1-9) of response bodies over 1500 bytes for clients sending Accept-Encoding:"
          + " gzip, as Twilio's libraries do; 0 = never compress"),
  RATE_LIMIT_PER_SECOND(
      "0",
      "requests per second each account may make; beyond, 429 with Retry-After (0 = no limit)"),
  RATE_LIMIT_BURST(
      "RATE_LIMIT_PER_SECOND", "requests an account may make at once under the rate (at least 1)"),
  AUTH_FAILURES_PER_HOUR(
      "100",
      "failed authentications per account and client address in an hour; beyond, 429 from that"
          + " address for that account (0 = no limit)"),
  AUTH_FAILURES_PER_HOUR_PER_ADDRESS(
      "1000",
      "failed authentications per client address in an hour, whatever the accounts; beyond, 429"
          + " from that address (0 = no limit)"),
  TRUST_X_FORWARDED_FOR(
      "false",
      "true = the client address is the last X-Forwarded-For entry (behind one reverse proxy that"
          + " sets it), else the connection's peer"),
  TOPIC_PARTITIONS(
      "6", "partitions of the input and dead-letter topics when the service creates them"),
  PROCESSING_GUARANTEE("exactly_once_v2", "exactly_once_v2 or at_least_once"),
  PURGE_MARKER_RETENTION(
      "forever",
      "how long a purged SID stays blocked against late events: forever, or an ISO-8601"
          + " duration such as P30D"),
  NUM_STANDBY_REPLICAS(
      "1",
      "standby copies of each store partition on other instances; they serve reads when the"
          + " active is unavailable"),
  MAX_STANDBY_LAG(
      "1",
      "changelog offsets a standby may trail and still serve reads (1: an exact copy under"
          + " exactly-once, whose last offset is a transaction marker); beyond it, 503"),
  PEER_TIMEOUT_MS("2000", "how long a query waits for another instance before answering 503"),
  SESSION_TIMEOUT_MS(
      "45000", "how long the group waits for a silent instance before moving its partitions"),
  COMMIT_INTERVAL_MS("(Streams default)", "Kafka Streams commit interval in milliseconds"),
  NUM_STREAM_THREADS("1", "Kafka Streams threads processing partitions in parallel"),
  ROCKSDB_CACHE_MB(
      "64",
      "RocksDB memory of all state stores of the process, in MiB: one block cache shared by every"
          + " store partition, holding data, index and filter blocks and the write buffers"
          + " (off-heap: it adds to RSS, not to the heap)"),
  ROCKSDB_WRITE_BUFFER_MB(
      "ROCKSDB_CACHE_MB / 2",
      "the part of ROCKSDB_CACHE_MB that memtables (write buffers) may take before the largest is"
          + " flushed; must be less than ROCKSDB_CACHE_MB"),
  DEMO("false", "true = write the demo events after start (same as --demo)");

  private final String defaultText;
  private final String meaning;

  Setting(String defaultText, String meaning) {
    this.defaultText = defaultText;
    this.meaning = meaning;
  }

  /** The command-line flag mirroring the variable: {@code --http-port} for {@code HTTP_PORT}. */
  public String flag() {
    return "--" + name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public String defaultText() {
    return defaultText;
  }

  public String meaning() {
    return meaning;
  }

  /** The setting a flag names, e.g. {@code --http-port}; empty for an unknown flag. */
  public static Optional<Setting> forFlag(String flag) {
    return Arrays.stream(values()).filter(s -> s.flag().equals(flag)).findFirst();
  }
}
