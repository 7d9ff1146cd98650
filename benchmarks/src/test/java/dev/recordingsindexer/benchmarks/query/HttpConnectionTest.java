package dev.recordingsindexer.benchmarks.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpConnectionTest {

  private HttpServer server;
  private URI base;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/fixed", e -> answer(e, 200, body(e), false, false));
    server.createContext("/chunked", e -> answer(e, 200, "x".repeat(100_000), true, false));
    server.createContext("/close", e -> answer(e, 503, "later", false, true));
    server.createContext("/gzip", HttpConnectionTest::answerGzipWhenAccepted);
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void shouldSendTheTargetAndAuthorizationAndReadALengthFramedBody() throws IOException {
    try (HttpConnection connection = new HttpConnection(base, Duration.ofSeconds(5))) {
      HttpConnection.Response response = connection.get("/fixed?a=1&b=%3A", "Basic abc");

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.bodyText()).startsWith("/fixed?a=1&b=%3A|Basic abc|");
    }
  }

  @Test
  void shouldReadAChunkedBodyLargerThanItsBuffers() throws IOException {
    try (HttpConnection connection = new HttpConnection(base, Duration.ofSeconds(5))) {
      HttpConnection.Response response = connection.get("/chunked", null);

      assertThat(response.length()).isEqualTo(100_000);
      assertThat(response.bodyText()).matches("x{100000}");
    }
  }

  @Test
  void shouldKeepOneConnectionAliveAcrossRequests() throws IOException {
    try (HttpConnection connection = new HttpConnection(base, Duration.ofSeconds(5))) {
      String first = connection.get("/fixed", null).bodyText();
      connection.get("/chunked", null);
      String third = connection.get("/fixed", null).bodyText();

      assertThat(clientPort(third)).isEqualTo(clientPort(first));
    }
  }

  @Test
  void shouldOpenANewConnectionAfterTheServerClosedOne() throws IOException {
    try (HttpConnection connection = new HttpConnection(base, Duration.ofSeconds(5))) {
      String before = connection.get("/fixed", null).bodyText();
      HttpConnection.Response closing = connection.get("/close", null);
      assertThat(closing.status()).isEqualTo(503);
      assertThat(closing.bodyText()).isEqualTo("later");

      String after = connection.get("/fixed", null).bodyText();

      assertThat(clientPort(after)).isNotEqualTo(clientPort(before));
    }
  }

  @Test
  void shouldAskForGzipAndInflateAGzippedBodyLargerThanItsBuffers() throws IOException {
    try (HttpConnection connection = new HttpConnection(base, Duration.ofSeconds(5), true)) {
      HttpConnection.Response response = connection.get("/gzip", null);

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.bodyText()).isEqualTo(GZIPPED_TEXT);
      assertThat(connection.get("/fixed", null).bodyText()).startsWith("/fixed|");
    }
  }

  @Test
  void shouldNotAskForGzipUnlessMadeTo() throws IOException {
    try (HttpConnection connection = new HttpConnection(base, Duration.ofSeconds(5))) {
      assertThat(connection.get("/gzip", null).bodyText()).isEqualTo("plain");
    }
  }

  @Test
  void shouldFailWhenNothingListens() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    try (HttpConnection connection =
        new HttpConnection(URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(2))) {
      assertThatThrownBy(() -> connection.get("/fixed", null)).isInstanceOf(IOException.class);
    }
  }

  /** Compressible text of about 200 KB: inflated beyond every initial buffer. */
  private static final String GZIPPED_TEXT =
      IntStream.range(0, 20_000).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));

  private static void answerGzipWhenAccepted(HttpExchange exchange) throws IOException {
    if (!"gzip".equals(exchange.getRequestHeaders().getFirst("Accept-Encoding"))) {
      answer(exchange, 200, "plain", false, false);
      return;
    }
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
      gzip.write(GZIPPED_TEXT.getBytes(StandardCharsets.UTF_8));
    }
    exchange.getResponseHeaders().set("Content-Encoding", "gzip");
    exchange.sendResponseHeaders(200, zipped.size());
    try (OutputStream out = exchange.getResponseBody()) {
      zipped.writeTo(out);
    }
  }

  private static String body(HttpExchange exchange) {
    return exchange.getRequestURI().getRawPath()
        + (exchange.getRequestURI().getRawQuery() == null
            ? ""
            : "?" + exchange.getRequestURI().getRawQuery())
        + "|"
        + exchange.getRequestHeaders().getFirst("Authorization")
        + "|"
        + exchange.getRemoteAddress().getPort();
  }

  private static String clientPort(String body) {
    return body.substring(body.lastIndexOf('|') + 1);
  }

  private static void answer(
      HttpExchange exchange, int status, String body, boolean chunked, boolean close)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (close) {
      exchange.getResponseHeaders().set("Connection", "close");
    }
    exchange.sendResponseHeaders(status, chunked ? 0 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
