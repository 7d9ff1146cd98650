package dev.recordingsindexer.benchmarks.query;

import dev.recordingsindexer.benchmarks.load.Dataset;
import dev.recordingsindexer.benchmarks.load.Dataset.Recording;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Turns a {@link QueryMix} into a concrete request over a {@link Dataset}: filter values come from
 * a recording picked at random (so rooms, participants and sources exist, and accounts are weighted
 * as the data set weights them), and the request carries that recording's account's credentials.
 *
 * <p>Windows: a narrow one holds about {@value #NARROW_WINDOW_RECORDINGS} recordings of all
 * accounts, a wide one half of the data set's time span; both contain the picked recording. The
 * rare status is {@code failed} or {@code deleted}. Thread-safe; randomness comes from the caller.
 */
final class QueryPlanner {

  /** One request: the mix it is measured under, the path and query, its Authorization header. */
  record Query(QueryMix mix, String target, String authorization, boolean expectsItems) {}

  static final int NARROW_WINDOW_RECORDINGS = 100;
  private static final List<QueryMix> DEEP =
      List.of(QueryMix.UNFILTERED, QueryMix.STATUS, QueryMix.MEDIA_TYPE, QueryMix.WIDE_WINDOW);

  private final Dataset dataset;
  private final int pageSize;
  private final Map<String, String> authorizations = new HashMap<>();
  private final long narrowSeconds;
  private final long wideSeconds;

  QueryPlanner(Dataset dataset, int pageSize) {
    if (dataset.recordings() < 1) {
      throw new IllegalArgumentException("the data set has no recordings");
    }
    this.dataset = dataset;
    this.pageSize = pageSize;
    for (Dataset.Account account : dataset.accounts()) {
      authorizations.put(account.sid(), basic(account.sid(), account.authToken()));
    }
    long span = Duration.between(dataset.firstCreated(), dataset.lastCreated()).toSeconds();
    this.narrowSeconds = Math.max(60, span * NARROW_WINDOW_RECORDINGS / dataset.recordings());
    this.wideSeconds = Math.max(60, span / 2);
  }

  /** The value of an HTTP Basic {@code Authorization} header. */
  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** The Authorization header of an account of the data set. */
  String authorization(String accountSid) {
    String value = authorizations.get(accountSid);
    if (value == null) {
      throw new IllegalArgumentException("not an account of the data set: " + accountSid);
    }
    return value;
  }

  /**
   * A request of {@code mix}. For {@link QueryMix#NEXT_PAGES} it is the first page of a query with
   * many matches, measured under that query's mix; the caller follows its next pages.
   */
  Query plan(QueryMix mix, SplittableRandom random) {
    Recording picked = dataset.recording(random.nextInt(dataset.recordings()));
    String auth = authorization(picked.accountSid());
    StringBuilder target = new StringBuilder("/v1/Recordings?PageSize=").append(pageSize);
    boolean expectsItems = true;
    switch (mix) {
      case UNFILTERED -> {}
      case ROOM -> target.append("&GroupingSid=").append(picked.roomSid());
      case PARTICIPANT -> target.append("&GroupingSid=").append(picked.participantSid());
      case SOURCE -> target.append("&SourceSid=").append(picked.sourceSid());
      case STATUS -> target.append("&Status=").append(picked.finalStatus());
      case MEDIA_TYPE -> target.append("&MediaType=").append(picked.mediaType());
      case NARROW_WINDOW -> window(target, picked.dateCreated(), narrowSeconds, random);
      case WIDE_WINDOW -> window(target, picked.dateCreated(), wideSeconds, random);
      case RARE_STATUS -> {
        target.append("&Status=").append(random.nextBoolean() ? "failed" : "deleted");
        expectsItems = false;
      }
      case NEXT_PAGES -> {
        return plan(DEEP.get(random.nextInt(DEEP.size())), random);
      }
      default -> throw new IllegalStateException("unplanned mix " + mix);
    }
    return new Query(mix, target.toString(), auth, expectsItems);
  }

  /** The request for a {@code meta.next_page_url} that {@code previous} answered. */
  Query follow(String nextPageUrl, Query previous) {
    URI next = URI.create(nextPageUrl);
    String target =
        next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery());
    return new Query(QueryMix.NEXT_PAGES, target, previous.authorization(), false);
  }

  /** A window of {@code seconds} placed at random so that it contains {@code created}. */
  private static void window(
      StringBuilder target, Instant created, long seconds, SplittableRandom random) {
    Instant after = created.minusSeconds(random.nextLong(seconds)).truncatedTo(ChronoUnit.SECONDS);
    Instant before = after.plusSeconds(seconds + 1);
    target.append("&DateCreatedAfter=").append(after).append("&DateCreatedBefore=").append(before);
  }
}
