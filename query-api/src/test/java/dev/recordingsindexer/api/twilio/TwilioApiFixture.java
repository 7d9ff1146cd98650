package dev.recordingsindexer.api.twilio;

import com.twilio.http.TwilioRestClient;
import dev.recordingsindexer.api.http.Accounts;
import dev.recordingsindexer.api.http.ApiServer;
import dev.recordingsindexer.api.http.ApiSettings;
import dev.recordingsindexer.api.http.Readiness;
import dev.recordingsindexer.indexer.model.Codec;
import dev.recordingsindexer.indexer.model.ContainerFormat;
import dev.recordingsindexer.indexer.model.MediaType;
import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.RecordingStatus;
import dev.recordingsindexer.indexer.model.SortKey;
import dev.recordingsindexer.indexer.query.LocalRecordingQueries;
import dev.recordingsindexer.indexer.testing.InMemoryRecordingReader;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

/**
 * The real {@link ApiServer} over the real {@link LocalRecordingQueries} on three in-memory
 * partitions, seeded with varied recordings of two accounts, and Twilio's SDK clients pointed at it
 * through {@link RedirectingHttpClient}.
 *
 * <p>The API's public base URL is {@link #PUBLIC_BASE}, a host that is neither Twilio's nor the
 * test server's, so a request carrying it can only come from the SDK following a URL we wrote.
 */
final class TwilioApiFixture implements AutoCloseable {

  static final String ACCOUNT = "AC" + "1a".repeat(16);
  static final String TOKEN = "first-account-token";
  static final String OTHER_ACCOUNT = "AC" + "2b".repeat(16);
  static final String OTHER_TOKEN = "second-account-token";
  static final String PUBLIC_BASE = "https://recordings.example.com";

  static final Instant EPOCH = Instant.parse("2026-03-01T00:00:00Z");
  static final List<String> ROOMS =
      List.of("RM" + "1".repeat(32), "RM" + "2".repeat(32), "RM" + "3".repeat(32));
  static final List<String> PARTICIPANTS =
      List.of(
          "PA" + "4".repeat(32),
          "PA" + "5".repeat(32),
          "PA" + "6".repeat(32),
          "PA" + "7".repeat(32));
  static final List<String> SOURCES =
      List.of("MT" + "8".repeat(32), "MT" + "9".repeat(32), "MT" + "c".repeat(32));

  private final List<InMemoryRecordingReader> partitions =
      List.of(
          new InMemoryRecordingReader(),
          new InMemoryRecordingReader(),
          new InMemoryRecordingReader());
  private final List<Recording> all = new ArrayList<>();
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final ApiServer server;
  private final List<RedirectingHttpClient> clients = new ArrayList<>();
  final String address;

  TwilioApiFixture() {
    Random random = new Random(20260301);
    for (int n = 1; n <= 170; n++) {
      store(generated(n, n <= 130 ? ACCOUNT : OTHER_ACCOUNT, random));
    }
    server =
        new ApiServer(
            new ApiSettings(
                0,
                PUBLIC_BASE,
                List.of("*"),
                "a-twilio-sdk-test-secret-32-byte".getBytes(StandardCharsets.UTF_8)),
            new LocalRecordingQueries(() -> List.copyOf(partitions)),
            Accounts.of(Map.of(ACCOUNT, TOKEN, OTHER_ACCOUNT, OTHER_TOKEN)),
            Readiness.always(),
            registry);
    address = "http://127.0.0.1:" + server.start();
  }

  /** Twilio's REST client for {@code accountSid}, sending everything to this server. */
  Sdk sdk(String accountSid, String token) {
    RedirectingHttpClient http = new RedirectingHttpClient(address);
    clients.add(http);
    return new Sdk(new TwilioRestClient.Builder(accountSid, token).httpClient(http).build(), http);
  }

  record Sdk(TwilioRestClient client, RedirectingHttpClient http) {}

  /** The SIDs of {@link #ACCOUNT}'s recordings matching {@code filter}, in the API's order. */
  List<String> expected(Predicate<Recording> filter) {
    return all.stream()
        .filter(r -> r.accountSid().equals(ACCOUNT))
        .filter(filter)
        .sorted((a, b) -> SortKey.of(a).compareTo(SortKey.of(b)))
        .map(Recording::sid)
        .toList();
  }

  List<Recording> recordings() {
    return List.copyOf(all);
  }

  void store(Recording recording) {
    all.removeIf(r -> r.sid().equals(recording.sid()));
    all.add(recording);
    partitions.get(Math.floorMod(recording.sid().hashCode(), partitions.size())).put(recording);
  }

  /**
   * A recording of {@code account}: random status, media type with matching codec and container,
   * creation minute (many share one, so ties order by SID), groups, source; some optional fields
   * absent.
   */
  private static Recording generated(int n, String account, Random random) {
    Map<String, String> grouping = new LinkedHashMap<>();
    if (random.nextInt(10) > 0) {
      grouping.put("room_sid", ROOMS.get(random.nextInt(ROOMS.size())));
      grouping.put("participant_sid", PARTICIPANTS.get(random.nextInt(PARTICIPANTS.size())));
    }
    MediaType type = random.nextInt(12) == 0 ? null : MediaType.values()[random.nextInt(3)];
    ContainerFormat container =
        type == MediaType.AUDIO
            ? ContainerFormat.MKA
            : type == MediaType.VIDEO ? ContainerFormat.MKV : null;
    Codec codec =
        type == MediaType.AUDIO
            ? (random.nextBoolean() ? Codec.OPUS : Codec.PCMU)
            : type == MediaType.VIDEO ? (random.nextBoolean() ? Codec.VP8 : Codec.H264) : null;
    RecordingStatus status =
        RecordingStatus.values()[random.nextInt(RecordingStatus.values().length)];
    Instant created = EPOCH.plusSeconds(60L * random.nextInt(90));
    boolean full = random.nextInt(4) > 0;
    String sid = String.format("RT%032x", n);
    return new Recording(
        sid,
        account,
        status,
        created,
        created.plusSeconds(7),
        status == RecordingStatus.DELETED ? created.plusSeconds(9) : null,
        random.nextInt(8) == 0 ? null : SOURCES.get(random.nextInt(SOURCES.size())),
        full ? 1000L + random.nextInt(5_000_000) : null,
        type,
        full ? (long) random.nextInt(3600) : null,
        container,
        codec,
        grouping,
        full ? "track-" + n : null,
        full ? (long) random.nextInt(2_000_000) - 1_000_000 : null,
        full ? "https://media.example.com/recordings/" + sid + ".mka" : null,
        full ? "https://hooks.example.com/recordings?n=" + n : null,
        full ? (n % 2 == 0 ? "POST" : "GET") : null,
        full ? "key-" + n : null);
  }

  @Override
  public void close() {
    clients.forEach(RedirectingHttpClient::close);
    server.close();
    registry.close();
  }
}
