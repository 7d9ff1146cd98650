package dev.recordingsindexer.api.routing;

import io.javalin.Javalin;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;

/** {@link PeerRoutes} alone on a free port, as another instance would expose them. */
final class PeerServer implements AutoCloseable {

  static final String SECRET = "a-peer-secret-of-some-length";

  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Javalin app;

  PeerServer(Optional<String> secret, LocalReplicas local) {
    PeerRoutes routes =
        new PeerRoutes(secret.map(PeerSecret::new), local, new RoutingMetrics(registry));
    app = Javalin.create(config -> routes.register(config.routes)).start(0);
  }

  HostInfo host() {
    return new HostInfo("localhost", app.port());
  }

  String url(String path) {
    return "http://localhost:" + app.port() + path;
  }

  @Override
  public void close() {
    app.stop();
  }
}
