package dev.recordingsindexer.api.http;

import static dev.recordingsindexer.api.http.TestServer.ACCOUNT;
import static dev.recordingsindexer.api.http.TestServer.TOKEN;
import static dev.recordingsindexer.api.http.TestServer.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Connections that fall silent are closed after the idle timeout (here 300 ms). */
class SlowClientsTest {

  private static final Duration IDLE_TIMEOUT = Duration.ofMillis(300);
  private static final int WAIT_MILLIS = 10_000;

  private static TestServer server;

  @BeforeAll
  static void start() {
    server =
        new TestServer(
            new FakeRecordingQueries(), new HttpLimits(IDLE_TIMEOUT, 0, 0, 100, 1_000, false));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void shouldCloseAConnectionThatStopsInTheMiddleOfItsHeaders() throws IOException {
    try (Socket socket = connect()) {
      long started = System.nanoTime();
      socket
          .getOutputStream()
          .write(
              "GET /v1/Recordings HTTP/1.1\r\nHost: localhost\r\nX-Slow: 1"
                  .getBytes(StandardCharsets.US_ASCII));

      String answer = readUntilClosed(socket.getInputStream());

      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isGreaterThanOrEqualTo(IDLE_TIMEOUT);
      RequestBoundsTest.assertNoInternals(answer);
    }
  }

  @Test
  void shouldCloseAConnectionThatNeverSendsAnything() throws IOException {
    try (Socket socket = connect()) {
      assertThat(readUntilClosed(socket.getInputStream())).isEmpty();
    }
  }

  @Test
  void shouldCloseAnIdleKeepAliveConnectionAfterAnsweringIt() throws IOException {
    try (Socket socket = connect()) {
      socket
          .getOutputStream()
          .write(
              ("GET /v1/Recordings HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                      + basic(ACCOUNT, TOKEN)
                      + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));

      String answer = readUntilClosed(socket.getInputStream());

      assertThat(answer).startsWith("HTTP/1.1 200 ").doesNotContain("Connection: close");
    }
  }

  private static Socket connect() throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), URI.create(server.base).getPort());
    socket.setSoTimeout(WAIT_MILLIS);
    return socket;
  }

  /**
   * Everything the server writes until it closes the connection; fails with a {@link
   * java.net.SocketTimeoutException} if it keeps the connection open for {@value #WAIT_MILLIS} ms.
   */
  private static String readUntilClosed(InputStream in) throws IOException {
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        answer.write(buffer, 0, n);
      }
    } catch (SocketException reset) {
      // A reset also closes the connection.
    }
    return answer.toString(StandardCharsets.UTF_8);
  }
}
