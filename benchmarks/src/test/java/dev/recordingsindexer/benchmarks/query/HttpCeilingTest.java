package dev.recordingsindexer.benchmarks.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpCeilingTest {

  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void countsOnlyTheMeasuredAnswersOfEveryClient() throws Exception {
    AtomicInteger served = new AtomicInteger();
    URI base = serve(200, served);

    HttpCeiling.Run run =
        HttpCeiling.drive(
            base,
            3,
            false,
            Duration.ofMillis(300),
            Duration.ofMillis(700),
            ProcessHandle.current().pid());

    assertThat(run.clients()).isEqualTo(3);
    assertThat(run.errors()).isZero();
    assertThat(run.requests()).isPositive().isLessThan(served.get());
    assertThat(run.perSecond())
        .isCloseTo(run.requests() / 0.7, org.assertj.core.data.Offset.offset(0.01));
    assertThat(run.p50Millis()).isPositive().isLessThanOrEqualTo(run.p99Millis());
    assertThat(run.serverMicros()).isPositive();
    assertThat(run.driverMicros()).isPositive();
  }

  @Test
  void aServerThatFailsGivesErrorsAndNoLatencies() throws Exception {
    URI base = serve(503, new AtomicInteger());

    HttpCeiling.Run run =
        HttpCeiling.drive(base, 2, true, Duration.ofMillis(100), Duration.ofMillis(400), 0);

    assertThat(run.requests()).isZero();
    assertThat(run.errors()).isPositive();
    assertThat(run.serverMicros()).isNaN();
  }

  private URI serve(int status, AtomicInteger served) throws IOException {
    byte[] body =
        "{\"recordings\":[],\"meta\":{}}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/page",
        exchange -> {
          served.incrementAndGet();
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }
}
