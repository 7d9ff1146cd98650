package dev.recordingsindexer.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One service JVM ({@code java <jvmArgs> -jar recordings-indexer.jar}) started by a {@link
 * Harness}: its address, readiness, resident memory and Prometheus metrics, and stopping it.
 */
public final class ServiceProcess implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final Process process;
  private final URI baseUrl;
  private final Path log;
  private final long startNanos;

  private ServiceProcess(String name, Process process, URI baseUrl, Path log, long startNanos) {
    this.name = name;
    this.process = process;
    this.baseUrl = baseUrl;
    this.log = log;
    this.startNanos = startNanos;
  }

  static ServiceProcess start(
      String name, Map<String, String> env, List<String> jvmArgs, Path jar, Path log) {
    List<String> command = new ArrayList<>();
    command.add(Processes.java());
    command.addAll(jvmArgs);
    command.add("-jar");
    command.add(jar.toString());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(env);
    long start = System.nanoTime();
    try {
      Process process = builder.start();
      URI url = URI.create("http://127.0.0.1:" + env.get("HTTP_PORT"));
      return new ServiceProcess(name, process, url, log, start);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + command, e);
    }
  }

  public String name() {
    return name;
  }

  public URI baseUrl() {
    return baseUrl;
  }

  public long pid() {
    return process.pid();
  }

  public Path log() {
    return log;
  }

  /** Polls /readyz every 100 ms; returns the time from process start to the first 200. */
  public Duration awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited:\n" + Processes.tail(log, 40));
      }
      if (status("/readyz") == 200) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
      }
      Processes.sleep(Duration.ofMillis(100));
    }
    throw new IllegalStateException(name + " was not ready within " + timeout);
  }

  /** The time since this process was started. */
  public Duration sinceStart() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  /** The HTTP status of GET {@code path}, or -1 when the service does not answer. */
  public int status(String path) {
    try {
      return HTTP.send(request(path), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** VmRSS from /proc/<pid>/status, in bytes. */
  public long rssBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
      throw new IllegalStateException("no VmRSS for " + pid());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the status of " + pid(), e);
    }
  }

  /**
   * The sum of the samples named {@code prometheusName} whose label text contains {@code
   * labelFilter} (null or empty = all), from /metrics; NaN when there is none.
   */
  public double metric(String prometheusName, String labelFilter) {
    return PrometheusText.sum(metricsText(), prometheusName, labelFilter);
  }

  /** The raw /metrics text. */
  public String metricsText() {
    try {
      HttpResponse<String> response =
          HTTP.send(
              request("/metrics"), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() != 200) {
        throw new IllegalStateException("/metrics answered " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot scrape " + baseUrl + "/metrics", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private HttpRequest request(String path) {
    return HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(Duration.ofSeconds(10)).build();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL, and wait for the process to be gone. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** SIGTERM, then SIGKILL if it has not stopped within a minute. */
  @Override
  public void close() {
    Processes.stop(process, Duration.ofSeconds(60));
  }
}
