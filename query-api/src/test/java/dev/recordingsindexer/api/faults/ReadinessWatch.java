package dev.recordingsindexer.api.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Polls an instance's {@code /readyz} and {@code /healthz} every 250 ms on a daemon thread and
 * keeps every change: the timeline of a fault, for the log and for assertions on what the instance
 * said while it could not work. Thread-safe; {@link #close} stops the thread.
 */
final class ReadinessWatch implements AutoCloseable {

  /**
   * One change.
   *
   * @param at {@link System#nanoTime} of the first poll that saw it
   * @param ready the {@code /readyz} status (-1: no answer)
   * @param reason its body
   * @param alive whether {@code /healthz} answered 200
   */
  record Change(long at, int ready, String reason, boolean alive) {}

  private final InstanceProcess instance;
  private final ApiClient client = new ApiClient(java.time.Duration.ofSeconds(3));
  private final List<Change> changes = new ArrayList<>();
  private final Thread thread;
  private volatile boolean stopped;

  ReadinessWatch(InstanceProcess instance) {
    this.instance = instance;
    this.thread = new Thread(this::poll, "readiness-watch-" + instance.name());
    thread.setDaemon(true);
    thread.start();
  }

  private void poll() {
    while (!stopped) {
      ApiClient.Answer ready = instance.readiness();
      boolean alive = client.get(instance.baseUrl() + "/healthz", null).status() == 200;
      String reason = ready.body() == null ? ready.text() : ready.body().path("reason").asText();
      synchronized (changes) {
        Change last = changes.isEmpty() ? null : changes.get(changes.size() - 1);
        if (last == null
            || last.ready() != ready.status()
            || !last.reason().equals(reason)
            || last.alive() != alive) {
          changes.add(new Change(System.nanoTime(), ready.status(), reason, alive));
        }
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Every change so far. */
  List<Change> changes() {
    synchronized (changes) {
      return List.copyOf(changes);
    }
  }

  /**
   * The changes as text, times in seconds relative to {@code origin} (a {@link System#nanoTime}).
   */
  String timeline(long origin) {
    StringBuilder text = new StringBuilder();
    for (Change change : changes()) {
      text.append(
          String.format(
              "%n  %+7.1f s  readyz %d %s%s",
              (change.at() - origin) / 1e9,
              change.ready(),
              change.reason(),
              change.alive() ? "" : " (healthz not answering)"));
    }
    return text.toString();
  }

  /** The readiness status in effect at {@code time}, or -2 when not polled yet. */
  int readyAt(long time) {
    int status = -2;
    for (Change change : changes()) {
      if (change.at() <= time) {
        status = change.ready();
      }
    }
    return status;
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
