package dev.recordingsindexer.api.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client paging through one instance continuously while a fault lasts, account after account, in
 * small pages: every listing it completes must be exactly the expected one (accounts whose data
 * does not change meanwhile), and every other answer a 503 with {@code Retry-After}, after which it
 * starts that listing again. A page that is neither, or no answer within the client timeout, is a
 * failure. Failures are collected, never thrown; it runs on one thread until {@link #stop}; the
 * counters are safe to read from others.
 */
final class ListingProbe implements Runnable {

  private static final int PAGE_SIZE = 20;

  final AtomicBoolean stop = new AtomicBoolean();
  final AtomicInteger unavailable = new AtomicInteger();
  final Queue<String> failures = new ConcurrentLinkedQueue<>();
  final Queue<Long> completedAt = new ConcurrentLinkedQueue<>();
  private final ApiClient client = new ApiClient(Duration.ofSeconds(10));
  private final String baseUrl;
  private final Map<String, List<JsonNode>> expected;

  /**
   * @param baseUrl the instance asked
   * @param expected each account's whole listing as it must be answered (see {@link
   *     ModelCheck#expectedListing})
   */
  ListingProbe(String baseUrl, Map<String, List<JsonNode>> expected) {
    this.baseUrl = baseUrl;
    this.expected = Map.copyOf(expected);
  }

  @Override
  public void run() {
    while (!stop.get()) {
      for (Map.Entry<String, List<JsonNode>> account : expected.entrySet()) {
        if (stop.get()) {
          return;
        }
        listOnce(account.getKey())
            .ifPresent(
                listed -> {
                  Optional<String> difference =
                      ModelCheck.compare(account.getKey(), account.getValue(), listed);
                  if (difference.isPresent()) {
                    failures.add("a complete listing differs: " + difference.get());
                  } else {
                    completedAt.add(System.nanoTime());
                  }
                });
      }
    }
  }

  /** How many listings were complete and exact between the two {@link System#nanoTime} values. */
  long completedBetween(long from, long to) {
    return completedAt.stream().filter(t -> t >= from && t <= to).count();
  }

  /** One listing, or empty when a page answered 503 (counted) or failed (recorded). */
  private Optional<List<JsonNode>> listOnce(String account) {
    List<JsonNode> listed = new ArrayList<>();
    String url = baseUrl + "/v1/Recordings?PageSize=" + PAGE_SIZE;
    while (url != null) {
      ApiClient.Answer page = client.get(url, account);
      if (page.status() == 200 && page.body() != null) {
        page.body().get("recordings").forEach(r -> listed.add(RecordingJson.comparable(r)));
        JsonNode next = page.body().path("meta").path("next_page_url");
        url = next.isTextual() ? next.asText() : null;
      } else {
        if (page.isUnavailableWithRetryAfter()) {
          unavailable.incrementAndGet();
        } else {
          failures.add("neither a page nor a 503 with Retry-After: " + page);
        }
        rest();
        return Optional.empty();
      }
    }
    return Optional.of(listed);
  }

  private void rest() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop.set(true);
    }
  }

  @Override
  public String toString() {
    return completedAt.size()
        + " exact listings, "
        + unavailable.get()
        + " answers 503 with Retry-After, "
        + failures.size()
        + " failures";
  }
}
