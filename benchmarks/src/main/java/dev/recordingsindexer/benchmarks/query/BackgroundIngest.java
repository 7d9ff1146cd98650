package dev.recordingsindexer.benchmarks.query;

import dev.recordingsindexer.benchmarks.load.Dataset;
import dev.recordingsindexer.benchmarks.load.ProducerSettings;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Ingest load while freshness is probed: one thread replays the data set's events, over and over,
 * at a steady rate (sent in small bursts every {@value #TICK_MILLIS} ms). Replayed events fold into
 * the state the service already holds, so the data set stays as indexed while the service does the
 * full work of each event. {@link #close} stops the thread, flushes and closes the producer.
 */
final class BackgroundIngest implements AutoCloseable {

  private static final long TICK_MILLIS = 10;

  private final KafkaProducer<byte[], byte[]> producer;
  private final Dataset dataset;
  private final String topic;
  private final double rate;
  private final Thread thread;
  private final LongAdder acked = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
  private volatile boolean stopped;
  private long started;
  private long sent;

  private BackgroundIngest(String bootstrapServers, Dataset dataset, String topic, double rate) {
    this.producer = new KafkaProducer<>(config(bootstrapServers));
    this.dataset = dataset;
    this.topic = topic;
    this.rate = rate;
    this.thread = new Thread(this::loop, "background-ingest");
    this.thread.setDaemon(true);
  }

  /** Starts writing {@code rate} events per second (none when 0). */
  static BackgroundIngest start(
      String bootstrapServers, Dataset dataset, String topic, double rate) {
    BackgroundIngest ingest = new BackgroundIngest(bootstrapServers, dataset, topic, rate);
    ingest.started = System.nanoTime();
    if (rate > 0) {
      ingest.thread.start();
    }
    return ingest;
  }

  long acked() {
    return acked.sum();
  }

  long failed() {
    return failed.sum();
  }

  Exception firstFailure() {
    return firstFailure.get();
  }

  /** Events acknowledged per second since the start. */
  double ackedPerSecond() {
    double seconds = (System.nanoTime() - started) / 1e9;
    return seconds > 0 ? acked.sum() / seconds : 0;
  }

  private void loop() {
    Iterator<ProducerRecord<byte[], byte[]>> events = null;
    long tickNanos = Duration.ofMillis(TICK_MILLIS).toNanos();
    long next = System.nanoTime();
    while (!stopped) {
      long due = (long) ((System.nanoTime() - started) / 1e9 * rate);
      while (sent < due && !stopped) {
        if (events == null || !events.hasNext()) {
          events = dataset.events(topic, 0, dataset.recordings());
        }
        producer.send(
            events.next(),
            (metadata, exception) -> {
              if (exception == null) {
                acked.increment();
              } else {
                failed.increment();
                firstFailure.compareAndSet(null, exception);
              }
            });
        sent++;
      }
      next += tickNanos;
      LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
    }
  }

  @Override
  public void close() {
    stopped = true;
    try {
      thread.join(Duration.ofSeconds(30).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(Duration.ofSeconds(30));
  }

  private static Map<String, Object> config(String bootstrapServers) {
    Map<String, Object> config = ProducerSettings.of(bootstrapServers, 5);
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    return config;
  }
}
