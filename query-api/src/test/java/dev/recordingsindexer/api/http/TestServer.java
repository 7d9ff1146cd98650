package dev.recordingsindexer.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recordingsindexer.indexer.model.Codec;
import dev.recordingsindexer.indexer.model.ContainerFormat;
import dev.recordingsindexer.indexer.model.MediaType;
import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.RecordingStatus;
import dev.recordingsindexer.indexer.query.RecordingQueries;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** An {@link ApiServer} on a free port with two accounts, and a client that speaks to it. */
final class TestServer implements AutoCloseable {

  static final String ACCOUNT = "AC11111111111111111111111111111111";
  static final String TOKEN = "token-one";
  static final String OTHER_ACCOUNT = "AC22222222222222222222222222222222";
  static final String OTHER_TOKEN = "token-two";
  static final String ORIGIN = "https://app.example.com";
  static final byte[] SECRET = "a-test-secret-of-32-bytes-length".getBytes(StandardCharsets.UTF_8);

  private static final ObjectMapper JSON = new ObjectMapper();

  final AtomicReference<Optional<String>> notReady = new AtomicReference<>(Optional.empty());

  /** The clock of the rate limits, in nanoseconds; tests move it. */
  final AtomicLong nanoTime = new AtomicLong();

  final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final HttpClient client = HttpClient.newHttpClient();
  private final ApiServer server;
  final String base;

  TestServer(RecordingQueries queries) {
    this(queries, List.of(ORIGIN), SECRET);
  }

  TestServer(RecordingQueries queries, String publicBaseUrl) {
    this(queries, publicBaseUrl, List.of(ORIGIN), SECRET);
  }

  TestServer(RecordingQueries queries, List<String> origins, byte[] secret) {
    this(queries, null, origins, secret);
  }

  /** A server with {@code limits}, whose rate limits read {@link #nanoTime} (starting at 0). */
  TestServer(RecordingQueries queries, HttpLimits limits) {
    this(queries, null, List.of(ORIGIN), SECRET, limits, ApiSettings.DEFAULT_GZIP_LEVEL);
  }

  /** A server compressing at {@code gzipLevel} (0 = never). */
  TestServer(RecordingQueries queries, int gzipLevel) {
    this(queries, null, List.of(ORIGIN), SECRET, HttpLimits.defaults(), gzipLevel);
  }

  private TestServer(
      RecordingQueries queries, String publicBaseUrl, List<String> origins, byte[] secret) {
    this(
        queries,
        publicBaseUrl,
        origins,
        secret,
        HttpLimits.defaults(),
        ApiSettings.DEFAULT_GZIP_LEVEL);
  }

  private TestServer(
      RecordingQueries queries,
      String publicBaseUrl,
      List<String> origins,
      byte[] secret,
      HttpLimits limits,
      int gzipLevel) {
    Accounts accounts = Accounts.of(Map.of(ACCOUNT, TOKEN, OTHER_ACCOUNT, OTHER_TOKEN));
    server =
        new ApiServer(
            new ApiSettings(0, publicBaseUrl, origins, secret, limits, gzipLevel),
            queries,
            accounts,
            notReady::get,
            registry,
            routes -> {},
            nanoTime::get);
    base = "http://localhost:" + server.start();
  }

  /** GET {@code pathAndQuery} (or an absolute URL) as {@link #ACCOUNT}. */
  HttpResponse<String> get(String pathAndQuery) {
    return send("GET", pathAndQuery, Map.of("Authorization", basic(ACCOUNT, TOKEN)));
  }

  HttpResponse<String> send(String method, String pathAndQuery, Map<String, String> headers) {
    return send(method, pathAndQuery, headers, HttpResponse.BodyHandlers.ofString());
  }

  /** GET {@code pathAndQuery} as {@link #ACCOUNT} with {@code headers}; the body as sent. */
  HttpResponse<byte[]> getBytes(String pathAndQuery, Map<String, String> headers) {
    Map<String, String> all = new HashMap<>(headers);
    all.put("Authorization", basic(ACCOUNT, TOKEN));
    return send("GET", pathAndQuery, all, HttpResponse.BodyHandlers.ofByteArray());
  }

  private <T> HttpResponse<T> send(
      String method,
      String pathAndQuery,
      Map<String, String> headers,
      HttpResponse.BodyHandler<T> bodyHandler) {
    String url = pathAndQuery.startsWith("http") ? pathAndQuery : base + pathAndQuery;
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody());
    headers.forEach(request::header);
    try {
      return client.send(request.build(), bodyHandler);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Sends a request target byte for byte (no client-side URI checks); returns the raw answer. */
  String raw(String requestTarget) {
    URI uri = URI.create(base);
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      String request =
          "GET "
              + requestTarget
              + " HTTP/1.1\r\nHost: "
              + uri.getAuthority()
              + "\r\nAuthorization: "
              + basic(ACCOUNT, TOKEN)
              + "\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Sends {@code request} byte for byte from the local address {@code local} (null for any) and
   * returns everything the server writes until it closes the connection; the request should ask for
   * {@code Connection: close}. A reset after the server answered (it may close before reading all
   * of an oversized request) still returns what arrived.
   */
  String rawFrom(InetAddress local, String request) {
    URI uri = URI.create(base);
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), uri.getPort(), local, 0)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      try {
        for (int n; (n = socket.getInputStream().read(buffer)) >= 0; ) {
          answer.write(buffer, 0, n);
        }
      } catch (SocketException reset) {
        if (answer.size() == 0) {
          throw reset;
        }
      }
      return answer.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A GET of {@code target} with {@code headers} (each {@code "Name: value"}), closing after. */
  static String rawGet(String target, String... headers) {
    StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\n");
    request.append("Host: localhost\r\n");
    for (String header : headers) {
      request.append(header).append("\r\n");
    }
    return request.append("Connection: close\r\n\r\n").toString();
  }

  /** The status code of a raw answer. */
  static int status(String rawAnswer) {
    return Integer.parseInt(rawAnswer.substring("HTTP/1.1 ".length(), "HTTP/1.1 ".length() + 3));
  }

  /** The first value of header {@code name} in a raw answer, or null. */
  static String header(String rawAnswer, String name) {
    for (String line : rawAnswer.substring(0, rawAnswer.indexOf("\r\n\r\n")).split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
        return line.substring(colon + 1).trim();
      }
    }
    return null;
  }

  /** The body of a raw answer. */
  static String body(String rawAnswer) {
    return rawAnswer.substring(rawAnswer.indexOf("\r\n\r\n") + 4);
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + response.body(), e);
    }
  }

  /**
   * A complete recording of {@code account} whose sid ends in {@code n} and created at {@code n}s.
   */
  static Recording recording(String account, int n) {
    Map<String, String> grouping = new LinkedHashMap<>();
    grouping.put("room_sid", "RM" + (n % 2 == 0 ? "a" : "b").repeat(32));
    grouping.put("participant_sid", "PA" + String.format("%032x", n));
    return new Recording(
        String.format("RT%032x", n),
        account,
        n % 3 == 0 ? RecordingStatus.PROCESSING : RecordingStatus.COMPLETED,
        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n * 60L),
        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n * 60L + 30),
        null,
        "MT" + "d".repeat(32),
        4096L,
        n % 2 == 0 ? MediaType.AUDIO : MediaType.VIDEO,
        300L,
        n % 2 == 0 ? ContainerFormat.MKA : ContainerFormat.MKV,
        n % 2 == 0 ? Codec.OPUS : Codec.VP8,
        grouping,
        "track-" + n,
        12L,
        null,
        null,
        null,
        null);
  }

  @Override
  public void close() {
    server.close();
    registry.close();
  }
}
