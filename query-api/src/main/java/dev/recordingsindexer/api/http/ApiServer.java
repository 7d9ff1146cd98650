package dev.recordingsindexer.api.http;

import dev.recordingsindexer.indexer.query.RecordingQueries;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The HTTP API: {@code /v1/Recordings}, {@code /v1/Recordings/{Sid}}, {@code /healthz}, {@code
 * /readyz} and {@code /metrics}. Start with {@link #start()}, stop with {@link #close()}.
 *
 * <p>Every request first gets the CORS headers; an {@code OPTIONS} preflight is then answered 204
 * on any path without credentials; any other request under {@code /v1} must authenticate before
 * routing, so even a 404 or 405 there needs credentials, and then spend one request of the
 * account's rate ({@link AccountRateLimit}). Other methods on known paths answer 405 with {@code
 * Allow}; unknown paths 404. {@link ErrorResponses} maps every failure to Twilio's error body, and
 * {@link JettyErrors} what Jetty answers itself before routing. The size bounds of {@link
 * HttpLimits} are checked before anything else (Jetty checks the header block, {@link
 * RequestLimits} the target and the query); connections idle for the idle timeout are closed. Each
 * answered request is counted by route and status.
 */
public final class ApiServer implements AutoCloseable {

  private static final List<String> ROUTES =
      List.of("/v1/Recordings", "/v1/Recordings/{sid}", "/healthz", "/readyz", "/metrics");

  private final ApiSettings settings;
  private final Cors cors;
  private final BasicAuth auth;
  private final AccountRateLimit rateLimit;
  private final JettyErrors jettyErrors;
  private final HttpMetrics metrics;
  private final RecordingsRoutes recordings;
  private final OperationsRoutes operations;
  private final Consumer<RoutesConfig> extraRoutes;
  private Javalin app;

  public ApiServer(
      ApiSettings settings,
      RecordingQueries queries,
      Accounts accounts,
      Readiness readiness,
      PrometheusMeterRegistry registry) {
    this(settings, queries, accounts, readiness, registry, routes -> {});
  }

  /**
   * A server that also serves {@code extraRoutes} (the peer endpoint between instances). Those
   * routes lie outside {@code /v1}: account credentials neither apply nor work there, so they must
   * authenticate their callers themselves.
   */
  public ApiServer(
      ApiSettings settings,
      RecordingQueries queries,
      Accounts accounts,
      Readiness readiness,
      PrometheusMeterRegistry registry,
      Consumer<RoutesConfig> extraRoutes) {
    this(settings, queries, accounts, readiness, registry, extraRoutes, System::nanoTime);
  }

  /** A server whose rate limits read time from {@code nanoTime} (tests). */
  ApiServer(
      ApiSettings settings,
      RecordingQueries queries,
      Accounts accounts,
      Readiness readiness,
      PrometheusMeterRegistry registry,
      Consumer<RoutesConfig> extraRoutes,
      LongSupplier nanoTime) {
    this.extraRoutes = Objects.requireNonNull(extraRoutes, "extraRoutes");
    this.settings = Objects.requireNonNull(settings, "settings");
    HttpLimits limits = settings.limits();
    this.cors = new Cors(settings.allowedOrigins());
    this.metrics = new HttpMetrics(registry);
    this.auth =
        new BasicAuth(
            accounts,
            new AuthThrottle(
                limits.authFailuresPerHour(),
                limits.authFailuresPerHourPerAddress(),
                nanoTime,
                metrics),
            new ClientAddress(limits.trustForwardedFor()));
    this.rateLimit =
        new AccountRateLimit(limits.ratePerSecond(), limits.rateBurst(), nanoTime, metrics);
    this.jettyErrors = new JettyErrors(cors, metrics);
    this.recordings =
        new RecordingsRoutes(
            queries, new PageTokens(settings.tokenSecret()), metrics, settings.publicBaseUrl());
    this.operations = new OperationsRoutes(readiness, registry);
  }

  /** Starts listening; returns the bound port (useful with port 0). */
  public synchronized int start() {
    if (app != null) {
      throw new IllegalStateException("already started");
    }
    app = Javalin.create(this::configure).start();
    return app.port();
  }

  /** Stops listening; in-flight requests finish first. Idempotent. */
  @Override
  public synchronized void close() {
    if (app != null) {
      app.stop();
      app = null;
    }
  }

  private void configure(JavalinConfig config) {
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.http.compressionStrategy = compression(settings.gzipLevel());
    config.jetty.modifyHttpConfiguration(
        http -> http.setRequestHeaderSize(HttpLimits.MAX_REQUEST_HEADER_BYTES));
    config.jetty.modifyServer(server -> server.setErrorHandler(jettyErrors));
    config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(jettyErrors));
    config.jetty.addConnector(this::connector);
    config.router.javaLangErrorHandler(ErrorResponses::answerError);
    RoutesConfig routes = config.routes;
    routes.before(this::beforeEverything);
    routes.get("/v1/Recordings", recordings::list);
    routes.get("/v1/Recordings/{sid}", recordings::fetch);
    routes.get("/healthz", operations::health);
    routes.get("/readyz", operations::ready);
    routes.get("/metrics", operations::metrics);
    routes.options("/*", ctx -> ctx.status(204));
    extraRoutes.accept(routes);
    for (String path : ROUTES) {
      for (HandlerType method : HandlerType.commonHttp()) {
        if (!method.equals(HandlerType.GET) && !method.equals(HandlerType.OPTIONS)) {
          routes.addHttpHandler(method, path, ApiServer::methodNotAllowed);
        }
      }
    }
    routes.exception(HttpResponseException.class, ErrorResponses::answer);
    routes.exception(Exception.class, ErrorResponses::answer);
    routes.after(metrics::countRequest);
  }

  /**
   * Gzip at {@code level} for clients that accept it, none at 0. Javalin's default would be gzip at
   * level 6: three times the CPU of level 1 for a page about 10% smaller. Public for the benchmark
   * that measures the HTTP stack alone with the service's settings.
   */
  public static CompressionStrategy compression(int level) {
    return level == 0 ? CompressionStrategy.NONE : new CompressionStrategy(null, new Gzip(level));
  }

  /** The one connector: the configured port, closing connections idle for the idle timeout. */
  private Connector connector(Server server, HttpConfiguration http) {
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setPort(settings.port());
    connector.setIdleTimeout(settings.limits().idleTimeout().toMillis());
    return connector;
  }

  private void beforeEverything(Context ctx) {
    cors.apply(ctx);
    RequestLimits.check(ctx);
    if (ctx.method().equals(HandlerType.OPTIONS)) {
      cors.preflight(ctx);
      return;
    }
    if (ctx.path().equals("/v1") || ctx.path().startsWith("/v1/")) {
      auth.authenticate(ctx);
      rateLimit.acquire(BasicAuth.account(ctx));
    }
  }

  private static void methodNotAllowed(Context ctx) {
    throw ApiException.methodNotAllowed(ctx.method().name(), Cors.ALLOWED_METHODS);
  }
}
