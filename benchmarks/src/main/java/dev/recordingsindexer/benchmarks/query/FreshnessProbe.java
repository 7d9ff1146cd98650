package dev.recordingsindexer.benchmarks.query;

import dev.recordingsindexer.benchmarks.load.Dataset;
import dev.recordingsindexer.benchmarks.load.Dataset.Recording;
import dev.recordingsindexer.benchmarks.load.ProducerSettings;
import dev.recordingsindexer.benchmarks.query.HttpConnection.Response;
import dev.recordingsindexer.benchmarks.query.ResponseCheck.BadResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Measures how long a brand-new recording takes to show in the API: writes the events of one probe
 * recording ({@link Dataset#probeEvents}) and polls, from the moment of sending, until the
 * recording answers ({@code GET /v1/Recordings/{Sid}}, or a list filtered by the probe's room).
 * Also measures when the broker acknowledged the probe's last event, which bounds the share of the
 * delay spent before the service could see it.
 *
 * <p>A probe must be unknown before it is sent (else it is counted as {@code probe-existed} and
 * skipped: a reused probe index would measure nothing). Not thread-safe; close it when done.
 */
final class FreshnessProbe implements AutoCloseable {

  /** How the probe looks for the recording. */
  enum Via {
    FETCH,
    LIST
  }

  /** One probe's outcome: nanoseconds from sending to shown, and to the broker's ack. */
  record Outcome(long visibleNanos, long ackedNanos, int polls) {}

  private final Dataset dataset;
  private final String topic;
  private final String accountSid;
  private final String authorization;
  private final Via via;
  private final Duration pollGap;
  private final Duration timeout;
  private final HttpConnection connection;
  private final KafkaProducer<byte[], byte[]> producer;
  private final Map<String, Long> errors = new TreeMap<>();
  private final List<String> errorSamples = new ArrayList<>();

  FreshnessProbe(
      URI url,
      String bootstrapServers,
      Dataset dataset,
      String topic,
      String accountSid,
      String authorization,
      Via via,
      Duration pollGap,
      Duration timeout) {
    this.dataset = dataset;
    this.topic = topic;
    this.accountSid = accountSid;
    this.authorization = authorization;
    this.via = via;
    this.pollGap = pollGap;
    this.timeout = timeout;
    this.connection = new HttpConnection(url, Duration.ofSeconds(10));
    this.producer = new KafkaProducer<>(ProducerSettings.of(bootstrapServers, 0));
  }

  /** Errors by kind so far (probe-existed, timeout, io, status-503, ...). */
  Map<String, Long> errors() {
    return Map.copyOf(errors);
  }

  List<String> errorSamples() {
    return List.copyOf(errorSamples);
  }

  /** Makes the producer connect and fetch metadata, so the first probe does not pay for it. */
  void connect() {
    producer.partitionsFor(topic);
  }

  /** Runs probe {@code probeIndex}; returns null when it failed (the error is counted). */
  Outcome probe(long probeIndex) throws InterruptedException {
    Recording recording = dataset.probeRecording(accountSid, probeIndex);
    List<ProducerRecord<byte[], byte[]>> events =
        dataset.probeEvents(topic, accountSid, probeIndex);
    String target = target(recording);
    Boolean before = visible(target, recording);
    if (before == null) {
      return null;
    }
    if (before) {
      error("probe-existed", recording.sid() + " (probe " + probeIndex + ") is already there");
      return null;
    }
    CompletableFuture<Long> acked = new CompletableFuture<>();
    long start = System.nanoTime();
    for (int i = 0; i < events.size(); i++) {
      boolean last = i == events.size() - 1;
      producer.send(
          events.get(i),
          (metadata, exception) -> {
            if (exception != null) {
              acked.completeExceptionally(exception);
            } else if (last) {
              acked.complete(System.nanoTime() - start);
            }
          });
    }
    int polls = 0;
    long deadline = start + timeout.toNanos();
    while (true) {
      polls++;
      Boolean shown = visible(target, recording);
      long now = System.nanoTime();
      if (Boolean.TRUE.equals(shown)) {
        // The acknowledgement can reach the producer after the service has shown the recording.
        try {
          long ack = acked.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
          return new Outcome(now - start, ack, polls);
        } catch (ExecutionException | TimeoutException e) {
          error("produce", recording.sid() + " shown but its events not acknowledged: " + e);
          return null;
        }
      }
      if (now >= deadline) {
        error("timeout", recording.sid() + " not visible after " + timeout);
        return null;
      }
      LockSupport.parkNanos(pollGap.toNanos());
    }
  }

  private String target(Recording recording) {
    return via == Via.FETCH
        ? "/v1/Recordings/" + recording.sid()
        : "/v1/Recordings?PageSize=50&GroupingSid=" + recording.roomSid();
  }

  /** Whether the probe shows; null after an error (counted). */
  private Boolean visible(String target, Recording recording) {
    Response response;
    try {
      response = connection.get(target, authorization);
    } catch (IOException e) {
      connection.close();
      error("io", e.toString());
      return null;
    }
    try {
      if (via == Via.FETCH) {
        if (response.status() == 404) {
          return false;
        }
        if (response.status() == 200) {
          ResponseCheck.recording(response.body(), response.length(), recording.sid());
          return true;
        }
      } else if (response.status() == 200) {
        return ResponseCheck.listPage(response.body(), response.length(), 50).items() > 0;
      }
    } catch (BadResponse e) {
      error(e.kind(), e.getMessage());
      return null;
    }
    error("status-" + response.status(), response.bodyText());
    return null;
  }

  private void error(String kind, String detail) {
    errors.merge(kind, 1L, Long::sum);
    if (errorSamples.size() < 10) {
      errorSamples.add(kind + ": " + (detail.length() > 300 ? detail.substring(0, 300) : detail));
    }
  }

  @Override
  public void close() {
    connection.close();
    producer.close(Duration.ofSeconds(10));
  }
}
