package dev.recordingsindexer.api.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Samples an instance's memory every 2 s on a daemon thread: the heap in use and the heap live
 * after the last collection ({@code jvm_memory_used_bytes{area="heap"}} summed, {@code
 * jvm_gc_live_data_size_bytes} from its {@code /metrics}) and the process's resident set ({@code
 * VmRSS} in {@code /proc/PID/status}). Thread-safe; {@link #close} stops the thread.
 */
final class MemorySampler implements AutoCloseable {

  /** One sample; -1 where the value could not be read. */
  record Sample(long at, long heapUsed, long liveAfterGc, long rss) {}

  private static final Pattern HEAP_USED =
      Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.eE+]+)$");
  private static final Pattern LIVE =
      Pattern.compile("(?m)^jvm_gc_live_data_size_bytes(?:\\{[^}]*})? ([0-9.eE+]+)$");
  private static final Pattern RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+) kB$");

  private final InstanceProcess instance;
  private final ApiClient client = new ApiClient(Duration.ofSeconds(5));
  private final List<Sample> samples = new ArrayList<>();
  private final Thread thread;
  private volatile boolean stopped;

  MemorySampler(InstanceProcess instance) {
    this.instance = instance;
    this.thread = new Thread(this::run, "memory-sampler-" + instance.name());
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    while (!stopped) {
      Sample sample = sample();
      synchronized (samples) {
        samples.add(sample);
      }
      try {
        Thread.sleep(2_000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private Sample sample() {
    String metrics = client.get(instance.baseUrl() + "/metrics", null).text();
    long heap = -1;
    if (metrics != null) {
      Matcher used = HEAP_USED.matcher(metrics);
      while (used.find()) {
        heap = Math.max(heap, 0) + (long) Double.parseDouble(used.group(1));
      }
    }
    return new Sample(System.nanoTime(), heap, first(LIVE, metrics, 1), rss());
  }

  private long rss() {
    try {
      String status = Files.readString(Path.of("/proc", Long.toString(instance.pid()), "status"));
      return first(RSS, status, 1024);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static long first(Pattern pattern, String text, long unit) {
    if (text == null) {
      return -1;
    }
    Matcher matcher = pattern.matcher(text);
    return matcher.find() ? (long) Double.parseDouble(matcher.group(1)) * unit : -1;
  }

  List<Sample> samples() {
    synchronized (samples) {
      return List.copyOf(samples);
    }
  }

  /** The largest value read of one measure; -1 when none could be read. */
  long max(ToLongFunction<Sample> measure) {
    return samples().stream().mapToLong(measure).max().orElse(-1);
  }

  /** The samples as lines of MiB, times in seconds relative to {@code origin}. */
  String table(long origin) {
    StringBuilder text = new StringBuilder("\n      t   heap  live-after-GC   RSS (MiB)");
    for (Sample s : samples()) {
      text.append(
          String.format(
              "%n  %+6.0f s %6d %14d %6d",
              (s.at() - origin) / 1e9, mib(s.heapUsed()), mib(s.liveAfterGc()), mib(s.rss())));
    }
    return text.toString();
  }

  static long mib(long bytes) {
    return bytes < 0 ? -1 : bytes / (1024 * 1024);
  }

  @Override
  public void close() {
    stopped = true;
    thread.interrupt();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
