package dev.recordingsindexer.api;

import static dev.recordingsindexer.api.ClusterPages.sidsOf;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recordingsindexer.api.ClusterClient.Answer;
import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.query.RecordingFilter;
import dev.recordingsindexer.indexer.testing.ContractOracle;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client that pages through one instance continuously, every account and query in turn, until
 * {@link #stop} is set: every 200 page must be exactly the oracle's next page (the data does not
 * change meanwhile), and any other answer a 503 with {@code Retry-After}, after which it asks the
 * same page again (polling every 100 ms). Failures are collected in {@link #failures}, never
 * thrown, so the test thread reports them. Runs on one thread; the counters are safe to read from
 * others.
 */
final class ClusterPagingClient implements Runnable {

  final AtomicBoolean stop = new AtomicBoolean();
  final AtomicInteger completeListings = new AtomicInteger();
  final AtomicInteger unavailable = new AtomicInteger();
  final Queue<String> failures = new ConcurrentLinkedQueue<>();
  private final ClusterClient client;
  private final String baseUrl;
  private final int pageSize;
  private final ContractOracle oracle;
  private final List<String> accounts;

  ClusterPagingClient(
      ClusterClient client,
      String baseUrl,
      int pageSize,
      ContractOracle oracle,
      List<String> accounts) {
    this.client = client;
    this.baseUrl = baseUrl;
    this.pageSize = pageSize;
    this.oracle = oracle;
    this.accounts = accounts;
  }

  @Override
  public void run() {
    try {
      while (!stop.get()) {
        for (String account : accounts) {
          for (Map.Entry<String, RecordingFilter> query :
              ClusterQueries.of(oracle, account).entrySet()) {
            if (stop.get()) {
              return;
            }
            if (pageThrough(account, query.getKey(), oracle.list(account, query.getValue()))) {
              completeListings.incrementAndGet();
            }
          }
        }
      }
    } catch (RuntimeException | AssertionError e) {
      failures.add(LocalTime.now() + " client stopped by " + e);
    }
  }

  /** Follows one listing to its end; false when it was abandoned (stop, or a failure). */
  private boolean pageThrough(String account, String query, List<Recording> expected) {
    String url = baseUrl + "/v1/Recordings?PageSize=" + pageSize + query;
    int position = 0;
    while (url != null) {
      Answer answer = answerOrStop(url, account);
      if (answer == null) {
        return false;
      }
      if (!answer.isComplete()) {
        failures.add(LocalTime.now() + " neither 200 nor 503 with Retry-After: " + answer);
        return false;
      }
      List<String> page = new ArrayList<>();
      answer.body().get("recordings").forEach(r -> page.add(r.get("sid").asText()));
      int end = Math.min(position + pageSize, expected.size());
      List<String> wanted = sidsOf(expected.subList(position, end));
      JsonNode next = answer.body().get("meta").get("next_page_url");
      if (!page.equals(wanted) || next.isNull() != (end == expected.size())) {
        failures.add(
            LocalTime.now()
                + " wrong page at "
                + position
                + " of "
                + url
                + ": "
                + page
                + " instead of "
                + wanted);
        return false;
      }
      position = end;
      url = next.isNull() ? null : next.asText();
    }
    return true;
  }

  /** The first answer to {@code url} that is not a 503 with Retry-After, or null once stopped. */
  private Answer answerOrStop(String url, String account) {
    Answer[] last = new Answer[1];
    await("an answer other than 503 to " + url)
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              if (stop.get()) {
                return true;
              }
              last[0] = client.get(url, account);
              if (last[0].isUnavailableWithRetryAfter()) {
                unavailable.incrementAndGet();
                return false;
              }
              return true;
            });
    return stop.get() ? null : last[0];
  }
}
