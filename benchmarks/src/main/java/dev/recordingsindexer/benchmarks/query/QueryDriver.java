package dev.recordingsindexer.benchmarks.query;

import dev.recordingsindexer.benchmarks.query.HttpConnection.Response;
import dev.recordingsindexer.benchmarks.query.QueryPlanner.Query;
import dev.recordingsindexer.benchmarks.query.ResponseCheck.BadResponse;
import dev.recordingsindexer.benchmarks.query.ResponseCheck.Page;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A closed-loop load driver: {@code clients} threads, each with its own keep-alive connection,
 * replay list queries of the chosen mixes (picked uniformly at random from a seeded generator) for
 * a warm-up, whose answers are checked but not measured, then for the measured duration. The
 * warm-up lasts at least {@code warmup}; with a longer {@code maxWarmup} it goes on until the
 * service's JIT compiler threads are quiet ({@link JitWatch}), at most {@code maxWarmup}.
 *
 * <p>With a {@code rate} the loop is open instead: each client issues requests on a fixed schedule
 * and latency is measured from the scheduled start, so a slow answer also charges the requests it
 * delayed (no coordinated omission). Every answer is checked (status 200, a page of at most the
 * page size with a valid {@code meta}, items where the query must match some; every n-th answer is
 * also tokenized whole, since doing that for all would cost the driver as much CPU as a large part
 * of the service's); failures are counted by kind and never enter the latency histograms.
 */
final class QueryDriver {

  /**
   * What to run. {@code rate} 0 = closed loop; {@code fullCheckEvery} n = every n-th answer of a
   * client is tokenized whole, the others get {@link ResponseCheck#quickListPage}; {@code
   * servicePid} 0 = unknown; {@code acceptGzip} = ask for gzipped bodies, as Twilio's client
   * libraries do; {@code maxWarmup} no longer than {@code warmup} = a fixed warm-up (also when the
   * service's compiler threads cannot be watched).
   */
  record Settings(
      URI baseUrl,
      int clients,
      Duration warmup,
      Duration maxWarmup,
      Duration duration,
      double rate,
      List<QueryMix> mixes,
      int pageSize,
      int pages,
      int fullCheckEvery,
      long rngSeed,
      Duration timeout,
      Duration progressEvery,
      long servicePid,
      boolean acceptGzip) {}

  /**
   * What one run measured. CPU figures are cores (1.0 = one core busy), NaN when unknown; {@code
   * jitCores} is the service's JIT compiler threads during the measurement; {@code jitQuiet}
   * whether the warm-up ended because they were quiet (false: fixed warm-up, or {@code maxWarmup}
   * reached).
   */
  record Result(
      LatencyTable table,
      double seconds,
      Map<String, Long> errors,
      long warmupErrors,
      List<String> errorSamples,
      double driverCores,
      double serviceCores,
      double warmupSeconds,
      boolean jitQuiet,
      double jitCores) {

    long requests() {
      return table.histogram("overall").getTotalCount();
    }

    long errorCount() {
      return errors.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /**
   * Told of each progress interval's answers, on the driver's own thread (not a client's), right
   * after the interval is drained; a slow listener delays the next progress line, not the clients.
   */
  interface IntervalListener {
    /**
     * @param sinceBeginNanos time since the driver started
     * @param intervalNanos length of this interval
     * @param overall latencies (microseconds) of the interval's good answers, every mix merged
     * @param errors errors counted so far (measurement only)
     */
    void onInterval(long sinceBeginNanos, long intervalNanos, Histogram overall, long errors);
  }

  private static final int ERROR_SAMPLES = 10;

  private final QueryPlanner planner;
  private final Settings settings;
  private final PrintStream log;
  private final Recorder[] recorders = new Recorder[QueryMix.values().length];
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  private final LongAdder warmupErrors = new LongAdder();
  private final List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
  private final IntervalListener listener;
  private final JitWatch jit;
  private volatile boolean measuring;
  private volatile boolean stopped;

  QueryDriver(QueryPlanner planner, Settings settings, PrintStream log) {
    this(planner, settings, log, null);
  }

  /** A driver that also hands every progress interval to {@code listener} (null: none). */
  QueryDriver(QueryPlanner planner, Settings settings, PrintStream log, IntervalListener listener) {
    if (settings.clients() < 1 || settings.mixes().isEmpty() || settings.fullCheckEvery() < 1) {
      throw new IllegalArgumentException("need a client, a mix and --full-check-every >= 1");
    }
    this.planner = planner;
    this.settings = settings;
    this.log = log;
    this.listener = listener;
    this.jit = JitWatch.of(settings.servicePid());
    for (int i = 0; i < recorders.length; i++) {
      recorders[i] = new Recorder(3);
    }
  }

  /** Runs the warm-up and the measurement; returns when every client has stopped. */
  Result run() throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < settings.clients(); i++) {
      Thread thread = new Thread(new Client(i), "query-client-" + i);
      thread.setDaemon(true);
      threads.add(thread);
    }
    Histogram[] totals = new Histogram[recorders.length];
    Histogram[] interval = new Histogram[recorders.length];
    for (int i = 0; i < totals.length; i++) {
      totals[i] = new Histogram(3);
    }
    long begin = System.nanoTime();
    long minMeasureFrom = begin + settings.warmup().toNanos();
    boolean adaptive = settings.maxWarmup().compareTo(settings.warmup()) > 0;
    boolean waitForJit = adaptive && jit.known();
    long maxMeasureFrom = waitForJit ? begin + settings.maxWarmup().toNanos() : minMeasureFrom;
    long measureFrom = minMeasureFrom;
    long measureTo = Long.MAX_VALUE;
    long progressNanos = Math.max(1, settings.progressEvery().toNanos());
    if (adaptive && !waitForJit) {
      log.printf(
          Locale.ROOT,
          "[query] the service's JIT compiler threads cannot be watched: fixed warm-up of %s%n",
          settings.warmup());
    }
    threads.forEach(Thread::start);

    long selfCpuBefore = -1;
    long serviceCpuBefore = -1;
    long jitCpuBefore = -1;
    boolean jitQuiet = false;
    long nextProgress = begin + progressNanos;
    long lastProgress = begin;
    long lastJitCpu = jit.cpuNanos();
    while (true) {
      long now = System.nanoTime();
      if (waitForJit && !measuring) {
        jit.sample(now);
      }
      if (!measuring
          && now >= minMeasureFrom
          && (now >= maxMeasureFrom || (waitForJit && jit.quiet()))) {
        drain(interval, null);
        measuring = true;
        jitQuiet = waitForJit && jit.quiet();
        measureFrom = now;
        measureTo = now + settings.duration().toNanos();
        selfCpuBefore = ProcessCpu.selfNanos();
        serviceCpuBefore = ProcessCpu.nanos(settings.servicePid());
        jitCpuBefore = jit.cpuNanos();
        lastProgress = now;
        nextProgress = now + progressNanos;
        log.printf(
            Locale.ROOT,
            "[query] warm-up done after %.0f s (%d errors)%s, measuring%n",
            (now - begin) / 1e9,
            warmupErrors.sum(),
            !waitForJit
                ? ""
                : jitQuiet
                    ? String.format(
                        Locale.ROOT,
                        "; JIT quiet: compiler threads %.1f%% of a core over the last %d s",
                        jit.cores() * 100,
                        JitWatch.WINDOW_NANOS / 1_000_000_000L)
                    : "; JIT still busy at the longest warm-up (--max-warmup)");
      }
      if (now >= measureTo) {
        break;
      }
      if (now >= nextProgress) {
        drain(interval, measuring ? totals : null);
        long jitCpu = jit.cpuNanos();
        progress(
            interval,
            now - begin,
            now - lastProgress,
            ProcessCpu.cores(lastJitCpu, jitCpu, now - lastProgress));
        lastJitCpu = jitCpu;
        lastProgress = now;
        nextProgress += progressNanos;
      }
      long wake =
          Math.min(
              nextProgress,
              measuring
                  ? measureTo
                  : now < minMeasureFrom
                      ? minMeasureFrom
                      : Math.min(maxMeasureFrom, now + 1_000_000_000L));
      LockSupport.parkNanos(Math.max(1_000_000, wake - System.nanoTime()));
    }
    stopped = true;
    long end = System.nanoTime();
    long selfCpuAfter = ProcessCpu.selfNanos();
    long serviceCpuAfter = ProcessCpu.nanos(settings.servicePid());
    long jitCpuAfter = jit.cpuNanos();
    for (Thread thread : threads) {
      thread.join(settings.timeout().toMillis() * 2 + 1000);
    }
    drain(interval, totals);

    Map<String, Histogram> series = new LinkedHashMap<>();
    for (QueryMix mix : QueryMix.values()) {
      series.put(mix.label(), totals[mix.ordinal()]);
    }
    double seconds = (end - measureFrom) / 1e9;
    Map<String, Long> errorCounts = new TreeMap<>();
    errors.forEach((kind, count) -> errorCounts.put(kind, count.sum()));
    return new Result(
        new LatencyTable(series, seconds, true),
        seconds,
        errorCounts,
        warmupErrors.sum(),
        List.copyOf(errorSamples),
        ProcessCpu.cores(selfCpuBefore, selfCpuAfter, end - measureFrom),
        ProcessCpu.cores(serviceCpuBefore, serviceCpuAfter, end - measureFrom),
        (measureFrom - begin) / 1e9,
        jitQuiet,
        ProcessCpu.cores(jitCpuBefore, jitCpuAfter, end - measureFrom));
  }

  private void drain(Histogram[] interval, Histogram[] into) {
    for (int i = 0; i < recorders.length; i++) {
      interval[i] = recorders[i].getIntervalHistogram(interval[i]);
      if (into != null) {
        into[i].add(interval[i]);
      }
    }
  }

  private void progress(
      Histogram[] interval, long sinceBegin, long intervalNanos, double jitCores) {
    Histogram all = new Histogram(3);
    for (Histogram h : interval) {
      all.add(h);
    }
    long errorTotal = errors.values().stream().mapToLong(LongAdder::sum).sum();
    if (listener != null) {
      listener.onInterval(sinceBegin, intervalNanos, all, errorTotal);
    }
    log.printf(
        Locale.ROOT,
        "[query] %4.0fs %-8s %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms  errors %d%s%n",
        sinceBegin / 1e9,
        measuring ? "measure" : "warm-up",
        all.getTotalCount() / (intervalNanos / 1e9),
        all.getValueAtPercentile(50) / 1000.0,
        all.getValueAtPercentile(99) / 1000.0,
        all.getMaxValue() / 1000.0,
        measuring ? errorTotal : warmupErrors.sum(),
        Double.isNaN(jitCores) ? "" : String.format(Locale.ROOT, "  jit %.2f cores", jitCores));
  }

  private void error(String kind, Query query, String detail) {
    if (measuring) {
      errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
    } else {
      warmupErrors.increment();
    }
    if (errorSamples.size() < ERROR_SAMPLES) {
      String sample = kind + " " + query.mix().label() + " " + query.target() + ": " + detail;
      errorSamples.add(sample.length() > 400 ? sample.substring(0, 400) : sample);
    }
  }

  /** One client: a connection, a random generator, and the loop. */
  private final class Client implements Runnable {
    private final HttpConnection connection;
    private final SplittableRandom random;
    private final long intervalNanos;
    private long nextStart;
    private long answers;

    Client(int index) {
      this.connection =
          new HttpConnection(settings.baseUrl(), settings.timeout(), settings.acceptGzip());
      this.random = new SplittableRandom(settings.rngSeed() * 1_000_003L + index);
      this.intervalNanos =
          settings.rate() > 0 ? Math.round(settings.clients() * 1e9 / settings.rate()) : 0;
      this.nextStart = System.nanoTime() + (intervalNanos > 0 ? random.nextLong(intervalNanos) : 0);
    }

    @Override
    public void run() {
      try (connection) {
        List<QueryMix> mixes = settings.mixes();
        while (!stopped) {
          QueryMix mix = mixes.get(random.nextInt(mixes.size()));
          Query query = planner.plan(mix, random);
          Page page = execute(query);
          if (mix == QueryMix.NEXT_PAGES) {
            for (int i = 0; i < settings.pages() && page != null && !stopped; i++) {
              if (page.nextPageUrl() == null) {
                break;
              }
              query = planner.follow(page.nextPageUrl(), query);
              page = execute(query);
            }
          }
        }
      } catch (RuntimeException e) {
        errorSamples.add("client crashed: " + e);
        errors.computeIfAbsent("client-crash", k -> new LongAdder()).increment();
        throw e;
      }
    }

    /** Sends one query, checks and measures its answer; null when it failed. */
    private Page execute(Query query) {
      long start = pace();
      Response response;
      try {
        response = connection.get(query.target(), query.authorization());
      } catch (IOException e) {
        error("io", query, e.toString());
        connection.close();
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        return null;
      }
      long end = System.nanoTime();
      if (response.status() != 200) {
        error("status-" + response.status(), query, response.bodyText());
        return null;
      }
      Page page;
      try {
        page =
            answers++ % settings.fullCheckEvery() == 0
                ? ResponseCheck.listPage(response.body(), response.length(), settings.pageSize())
                : ResponseCheck.quickListPage(
                    response.body(), response.length(), settings.pageSize());
      } catch (BadResponse e) {
        error(e.kind(), query, e.getMessage());
        return null;
      }
      if (query.expectsItems() && page.items() == 0) {
        error("empty", query, "no items where the data set has some");
        return null;
      }
      if (!stopped) {
        recorders[query.mix().ordinal()].recordValue(Math.max(0, (end - start) / 1000));
      }
      return page;
    }

    /** The time the request counts from: now, or its scheduled start in an open loop. */
    private long pace() {
      if (intervalNanos == 0) {
        return System.nanoTime();
      }
      long scheduled = nextStart;
      nextStart += intervalNanos;
      long wait = scheduled - System.nanoTime();
      while (wait > 0 && !stopped) {
        LockSupport.parkNanos(wait);
        wait = scheduled - System.nanoTime();
      }
      return scheduled;
    }
  }
}
