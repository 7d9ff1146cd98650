package dev.recordingsindexer.benchmarks.query;

import dev.recordingsindexer.benchmarks.load.Dataset;
import dev.recordingsindexer.benchmarks.load.Processes;
import dev.recordingsindexer.benchmarks.load.ServiceProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The {@code http-ceiling} benchmark: what the HTTP stack alone serves on this machine. It takes
 * one real page from the indexed service (the first page of the largest account, {@code
 * --page-size} recordings), stops the service, and serves those bytes from {@link CeilingServer}
 * (Javalin with the service's compression, nothing of ours behind it) in a JVM of its own, to
 * closed-loop clients like the query driver's ({@link HttpConnection}, keep-alive, gzip asked for
 * unless told otherwise). The requests per second are a ceiling for the {@code query} benchmark's:
 * the service does all this and its queries too.
 *
 * <p>Prints one line per client count and appends one JSON line per run to {@code
 * <results-dir>/http-ceiling.jsonl}.
 */
public final class HttpCeiling {

  static final Set<String> OPTIONS =
      Set.of(
          "clients",
          "warmup",
          "duration",
          "page-size",
          "gzip-level",
          "accept-encoding",
          "server-xmx",
          "results-dir");

  static final String USAGE =
      """
      http-ceiling [--clients 1,16] [--warmup 30s] [--duration 60s] [--page-size 50]
                   [--gzip-level 1] [--accept-encoding gzip|identity] [--server-xmx 512m]
                   [--results-dir benchmarks/results]
      """;

  /** One measured run. CPU figures are microseconds per request, NaN when unknown. */
  record Run(
      int clients,
      double perSecond,
      double p50Millis,
      double p99Millis,
      long requests,
      long errors,
      double serverMicros,
      double driverMicros) {}

  private HttpCeiling() {}

  /**
   * Runs the benchmark with the {@code service} the harness prepared on {@code dataset}; stops the
   * service once it has the page.
   */
  public static int run(
      List<String> args, Path workDir, Path serviceJar, ServiceProcess service, Dataset dataset) {
    Options options;
    List<Integer> clientCounts;
    Duration warmup;
    Duration duration;
    int pageSize;
    int gzipLevel;
    boolean acceptGzip;
    try {
      options = Options.parse(args, OPTIONS);
      clientCounts =
          options.list("clients", List.of("1", "16")).stream().map(Integer::parseInt).toList();
      warmup = options.duration("warmup", Duration.ofSeconds(30));
      duration = options.duration("duration", Duration.ofSeconds(60));
      pageSize = options.integer("page-size", 50);
      gzipLevel = options.integer("gzip-level", 1);
      acceptGzip = QueryBenchmark.acceptGzip(options.string("accept-encoding", "gzip"));
      if (pageSize < 1 || pageSize > 100 || gzipLevel < 0 || gzipLevel > 9) {
        throw new IllegalArgumentException("--page-size must be 1..100 and --gzip-level 0..9");
      }
    } catch (IllegalArgumentException e) {
      System.out.println("http-ceiling: " + e.getMessage());
      System.out.print(USAGE);
      return 2;
    }
    PrintStream out = System.out;
    Path body = workDir.resolve("http-ceiling-page.json");
    try {
      Dataset.Account account = dataset.accounts().get(0);
      String target = "/v1/Recordings?PageSize=" + pageSize;
      byte[] page =
          fetch(service.baseUrl(), target, QueryPlanner.basic(account.sid(), account.authToken()));
      Files.write(body, page);
      out.printf(
          Locale.ROOT,
          "[http-ceiling] page %s of account %s: %,d bytes; stopping the service%n",
          target,
          account.sid(),
          page.length);
      service.close();
      int port = Processes.freePort();
      Process server =
          startServer(
              serviceJar, options.string("server-xmx", "512m"), port, body, gzipLevel, workDir);
      try {
        URI base = URI.create("http://127.0.0.1:" + port);
        long errors = 0;
        for (int clients : clientCounts) {
          out.printf(
              Locale.ROOT,
              "[http-ceiling] %d client(s), gzip level %d, %s, warm-up %s, measure %s%n",
              clients,
              gzipLevel,
              acceptGzip ? "asking for gzip" : "identity",
              warmup,
              duration);
          Run run = drive(base, clients, acceptGzip, warmup, duration, server.pid());
          out.printf(
              Locale.ROOT,
              "[http-ceiling] %d client(s): %,.0f req/s, p50 %.2f ms, p99 %.2f ms, errors %d;"
                  + " CPU per request: server %.0f us, driver %.0f us%n",
              run.clients(),
              run.perSecond(),
              run.p50Millis(),
              run.p99Millis(),
              run.errors(),
              run.serverMicros(),
              run.driverMicros());
          Map<String, Object> opts = new LinkedHashMap<>(options.given());
          opts.put("clients", clients);
          opts.put("page_bytes", page.length);
          opts.put("page_size", pageSize);
          opts.put("gzip_level", gzipLevel);
          opts.put("accept_gzip", acceptGzip);
          opts.put("warmup_s", warmup.toMillis() / 1000.0);
          opts.put("duration_s", duration.toMillis() / 1000.0);
          Map<String, Object> results = new LinkedHashMap<>();
          results.put("per_second", LatencyTable.round(run.perSecond()));
          results.put("p50_ms", LatencyTable.round(run.p50Millis()));
          results.put("p99_ms", LatencyTable.round(run.p99Millis()));
          results.put("requests", run.requests());
          results.put("errors", run.errors());
          results.put("server_us_per_request", LatencyTable.round(run.serverMicros()));
          results.put("driver_us_per_request", LatencyTable.round(run.driverMicros()));
          ResultLog.append(
              Path.of(options.string("results-dir", "benchmarks/results")),
              "http-ceiling",
              opts,
              results);
          errors += run.errors();
        }
        return errors == 0 ? 0 : 1;
      } finally {
        server.destroy();
        server.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (IOException e) {
      out.println("http-ceiling: " + e);
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      out.println("http-ceiling: interrupted");
      return 1;
    }
  }

  /**
   * Closed-loop {@code clients} against {@code base}'s {@code /page} for a warm-up, then for {@code
   * duration}; {@code serverPid}'s CPU (0: unknown) is charged per request.
   */
  static Run drive(
      URI base, int clients, boolean acceptGzip, Duration warmup, Duration duration, long serverPid)
      throws InterruptedException {
    Recorder recorder = new Recorder(3);
    LongAdder errors = new LongAdder();
    AtomicReference<String> firstError = new AtomicReference<>();
    long begin = System.nanoTime();
    long measureFrom = begin + warmup.toNanos();
    long measureTo = measureFrom + duration.toNanos();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      Thread thread =
          new Thread(
              () -> {
                try (HttpConnection connection =
                    new HttpConnection(base, Duration.ofSeconds(10), acceptGzip)) {
                  while (true) {
                    long start = System.nanoTime();
                    if (start >= measureTo) {
                      return;
                    }
                    boolean good;
                    try {
                      good = connection.get("/page", "Basic eDp5").status() == 200;
                    } catch (IOException e) {
                      firstError.compareAndSet(null, e.toString());
                      good = false;
                    }
                    long end = System.nanoTime();
                    if (start >= measureFrom && end <= measureTo) {
                      if (good) {
                        recorder.recordValue(Math.max(1, (end - start) / 1000));
                      } else {
                        errors.increment();
                      }
                    }
                  }
                }
              },
              "ceiling-client-" + i);
      thread.setDaemon(true);
      threads.add(thread);
    }
    threads.forEach(Thread::start);
    long now;
    while ((now = System.nanoTime()) < measureFrom) {
      TimeUnit.NANOSECONDS.sleep(measureFrom - now);
    }
    recorder.reset();
    long selfBefore = ProcessCpu.selfNanos();
    long serverBefore = ProcessCpu.nanos(serverPid);
    while ((now = System.nanoTime()) < measureTo) {
      TimeUnit.NANOSECONDS.sleep(measureTo - now);
    }
    long selfAfter = ProcessCpu.selfNanos();
    long serverAfter = ProcessCpu.nanos(serverPid);
    for (Thread thread : threads) {
      thread.join(25_000);
    }
    Histogram histogram = recorder.getIntervalHistogram();
    long requests = histogram.getTotalCount();
    double seconds = duration.toNanos() / 1e9;
    if (firstError.get() != null) {
      System.out.println("[http-ceiling] e.g. " + firstError.get());
    }
    return new Run(
        clients,
        requests / seconds,
        histogram.getValueAtPercentile(50) / 1000.0,
        histogram.getValueAtPercentile(99) / 1000.0,
        requests,
        errors.sum(),
        perRequest(serverBefore, serverAfter, requests),
        perRequest(selfBefore, selfAfter, requests));
  }

  private static double perRequest(long before, long after, long requests) {
    return before < 0 || after < 0 || requests == 0
        ? Double.NaN
        : (after - before) / 1e3 / requests;
  }

  private static byte[] fetch(URI base, String target, String authorization) throws IOException {
    try (HttpConnection connection = new HttpConnection(base, Duration.ofSeconds(30), false)) {
      HttpConnection.Response response = connection.get(target, authorization);
      if (response.status() != 200) {
        throw new IOException(
            target + " answered " + response.status() + ": " + response.bodyText());
      }
      byte[] page = new byte[response.length()];
      System.arraycopy(response.body(), 0, page, 0, page.length);
      return page;
    }
  }

  private static Process startServer(
      Path serviceJar, String xmx, int port, Path body, int gzipLevel, Path workDir)
      throws IOException, InterruptedException {
    Path benchmarksJar;
    try {
      benchmarksJar =
          Path.of(HttpCeiling.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IOException("cannot locate the benchmark jar", e);
    }
    Path log = workDir.resolve("http-ceiling-server.log");
    Process server =
        new ProcessBuilder(
                Processes.java(),
                "-Xmx" + xmx,
                "-cp",
                serviceJar + java.io.File.pathSeparator + benchmarksJar,
                CeilingServer.class.getName(),
                Integer.toString(port),
                body.toString(),
                Integer.toString(gzipLevel))
            .redirectErrorStream(true)
            .start();
    // the server prints "listening" once it accepts connections; everything goes to the log
    Thread pump =
        new Thread(
            () -> {
              try (BufferedReader reader =
                      new BufferedReader(
                          new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
                  var writer = Files.newBufferedWriter(log)) {
                for (String line; (line = reader.readLine()) != null; ) {
                  writer.write(line);
                  writer.newLine();
                  writer.flush();
                }
              } catch (IOException e) {
                // the server ended
              }
            },
            "ceiling-server-log");
    pump.setDaemon(true);
    pump.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        throw new IOException(
            "the ceiling server exited with " + server.exitValue() + "; see " + log);
      }
      if (Files.exists(log) && Files.readString(log).contains("listening")) {
        return server;
      }
      Thread.sleep(100);
    }
    server.destroyForcibly();
    throw new IOException("the ceiling server did not start within 60 s; see " + log);
  }
}
