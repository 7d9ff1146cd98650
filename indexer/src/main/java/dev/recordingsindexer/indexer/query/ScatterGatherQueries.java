package dev.recordingsindexer.indexer.query;

import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.SortKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Answers list and fetch queries by asking every partition of a {@link PartitionSource} for its
 * share and merging the answers in list order: the read path of an instance that may own only some
 * partitions.
 *
 * <p>A list page sends one {@link PartitionScanRequest} per partition, all before waiting for any
 * (a slow partition costs its own latency once, not once per partition), then k-way merges the
 * answers. Pages follow {@link LocalRecordingQueries}' rules exactly: a forward page asks each
 * partition for one match beyond the page so {@link ListPage#hasMoreAfter()} is exact; a previous
 * page reads backwards from its cursor and, when fewer than a page of matches lie before it,
 * answers the first page as it is now; then it probes for one match after its last item.
 *
 * <p>A page is complete or not given: when any partition fails with {@link
 * QueryUnavailableException}, or does not answer within the timeout (one deadline for the whole
 * call), {@code list} throws {@link QueryUnavailableException} and the futures still pending are
 * cancelled. Other failures are rethrown unchanged. Thread-safe if the source is.
 */
public final class ScatterGatherQueries implements RecordingQueries {

  /** How long a client should wait before retrying after a partition did not answer in time. */
  public static final Duration RETRY_AFTER = Duration.ofSeconds(2);

  private final PartitionSource source;
  private final Duration timeout;
  private final Duration retryAfter;

  public ScatterGatherQueries(PartitionSource source, Duration timeout) {
    this(source, timeout, RETRY_AFTER);
  }

  /**
   * @param timeout how long one query waits, in all, for the partitions to answer
   * @param retryAfter what a timed-out query tells the client to wait before retrying
   */
  public ScatterGatherQueries(PartitionSource source, Duration timeout, Duration retryAfter) {
    this.source = Objects.requireNonNull(source, "source");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException for {@link PagePosition.Start} with a skip so large that a
   *     partition would have to return more than {@link PartitionScanRequest#MAX_LIMIT} matches
   */
  @Override
  public ListPage list(ListRequest request) {
    Call call = new Call(request, System.nanoTime() + timeout.toNanos());
    if (request.position() instanceof PagePosition.Before before) {
      return call.before(before);
    }
    SortKey after = request.position() instanceof PagePosition.After cursor ? cursor.key() : null;
    long skip = request.position() instanceof PagePosition.Start start ? start.skip() : 0;
    return call.forward(after, skip);
  }

  @Override
  public Optional<Recording> fetch(String accountSid, String sid) {
    Objects.requireNonNull(accountSid, "accountSid");
    Objects.requireNonNull(sid, "sid");
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Optional<Recording>> found =
        gather(List.of(start(() -> source.fetch(sid))), deadline, p -> "the partition of " + sid);
    return found.get(0).filter(recording -> recording.accountSid().equals(accountSid));
  }

  /** One list call: its request, plan and deadline. */
  private final class Call {
    private final ListRequest request;
    private final String plan;
    private final long deadline;

    Call(ListRequest request, long deadline) {
      this.request = request;
      this.plan = QueryPlanner.plan(request.filter()).name();
      this.deadline = deadline;
    }

    ListPage forward(SortKey after, long skip) {
      int size = request.pageSize();
      long limit = skip + size + 1L;
      if (limit > PartitionScanRequest.MAX_LIMIT) {
        throw new IllegalArgumentException(
            "skip "
                + skip
                + " with page size "
                + size
                + " needs "
                + limit
                + " matches per partition; at most "
                + PartitionScanRequest.MAX_LIMIT);
      }
      List<Recording> merged =
          SortedMerge.take(scatter(after, false, true, (int) limit), SortedMerge.LIST_ORDER, limit);
      int from = (int) Math.min(skip, merged.size());
      int to = (int) Math.min(skip + size, merged.size());
      boolean more = merged.size() > skip + size;
      return new ListPage(merged.subList(from, to), more, plan);
    }

    ListPage before(PagePosition.Before before) {
      int size = request.pageSize();
      List<Recording> page =
          new ArrayList<>(
              SortedMerge.take(
                  scatter(before.key(), before.inclusive(), false, size),
                  SortedMerge.BACKWARDS,
                  size));
      if (page.size() < size) {
        return forward(null, 0);
      }
      Collections.reverse(page);
      SortKey last = SortKey.of(page.get(page.size() - 1));
      boolean more = scatter(last, false, true, 1).stream().anyMatch(run -> !run.isEmpty());
      return new ListPage(page, more, plan);
    }

    /** Asks every partition at once, then waits for all of them. */
    private List<List<Recording>> scatter(
        SortKey from, boolean inclusive, boolean newestFirst, int limit) {
      PartitionScanRequest scan =
          new PartitionScanRequest(
              request.accountSid(), request.filter(), from, inclusive, newestFirst, limit);
      int partitions = source.partitionCount();
      List<CompletableFuture<List<Recording>>> futures = new ArrayList<>(partitions);
      for (int partition = 0; partition < partitions; partition++) {
        int p = partition;
        futures.add(start(() -> source.scan(p, scan)));
      }
      return gather(futures, deadline, p -> "partition " + p);
    }
  }

  /** The future a call returns, or a failed one if the call throws instead. */
  private static <T> CompletableFuture<T> start(Supplier<CompletableFuture<T>> call) {
    try {
      return Objects.requireNonNull(call.get(), "the source returned no future");
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * The results of all {@code futures}, in order, once all completed; fails as soon as one fails,
   * and at {@code deadline} if some are still pending, cancelling those pending in either case.
   */
  private <T> List<T> gather(
      List<CompletableFuture<T>> futures, long deadline, IntFunction<String> describe) {
    CompletableFuture<Void> firstFailure = new CompletableFuture<>();
    for (CompletableFuture<T> future : futures) {
      future.whenComplete(
          (value, failure) -> {
            if (failure != null) {
              firstFailure.completeExceptionally(failure);
            }
          });
    }
    CompletableFuture<Void> all =
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
    try {
      CompletableFuture.anyOf(all, firstFailure)
          .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      String late = describe.apply(firstPending(futures));
      cancelPending(futures);
      throw new QueryUnavailableException(
          late + " did not answer within " + timeout.toMillis() + " ms", retryAfter, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cancelPending(futures);
      throw new QueryUnavailableException(
          "interrupted while waiting for partitions", retryAfter, e);
    } catch (ExecutionException e) {
      cancelPending(futures);
      throw rethrown(e);
    }
    List<T> results = new ArrayList<>(futures.size());
    for (CompletableFuture<T> future : futures) {
      results.add(future.join());
    }
    return results;
  }

  private static int firstPending(List<? extends CompletableFuture<?>> futures) {
    for (int i = 0; i < futures.size(); i++) {
      if (!futures.get(i).isDone()) {
        return i;
      }
    }
    return 0;
  }

  private static void cancelPending(List<? extends CompletableFuture<?>> futures) {
    for (CompletableFuture<?> future : futures) {
      future.cancel(true);
    }
  }

  /**
   * The failure behind a future's, unwrapped; a {@link QueryUnavailableException} keeps its kind.
   */
  private static RuntimeException rethrown(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof QueryUnavailableException unavailable) {
      return new QueryUnavailableException(
          unavailable.getMessage(), unavailable.retryAfter(), unavailable);
    }
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new CompletionException(cause);
  }
}
