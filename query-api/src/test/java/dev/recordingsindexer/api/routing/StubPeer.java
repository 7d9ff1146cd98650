package dev.recordingsindexer.api.routing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.streams.state.HostInfo;

/**
 * A misbehaving peer on a free port: answers every request with a fixed status and body, or hangs
 * until closed.
 */
final class StubPeer implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final CountDownLatch released = new CountDownLatch(1);

  private StubPeer(int status, String body, boolean hang) throws IOException {
    server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    server.setExecutor(executor);
    server.createContext("/", exchange -> answer(exchange, status, body, hang));
    server.start();
  }

  static StubPeer answering(int status, String body) throws IOException {
    return new StubPeer(status, body, false);
  }

  static StubPeer hanging() throws IOException {
    return new StubPeer(200, "", true);
  }

  HostInfo host() {
    return new HostInfo("localhost", server.getAddress().getPort());
  }

  private void answer(HttpExchange exchange, int status, String body, boolean hang)
      throws IOException {
    try (exchange) {
      if (hang) {
        try {
          released.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
