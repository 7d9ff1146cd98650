package dev.recordingsindexer.indexer.query;

import static dev.recordingsindexer.indexer.query.PagingProperties.assertFetchIsAccountScoped;
import static dev.recordingsindexer.indexer.query.PagingProperties.assertFollowingNextVisits;
import static dev.recordingsindexer.indexer.query.PagingProperties.assertOffsetPages;
import static dev.recordingsindexer.indexer.query.PagingProperties.assertPreviousPages;
import static dev.recordingsindexer.indexer.query.PagingProperties.offsetSkips;
import static dev.recordingsindexer.indexer.query.PagingProperties.partitioned;
import static dev.recordingsindexer.indexer.query.PagingProperties.request;
import static dev.recordingsindexer.indexer.query.PagingProperties.walk;
import static dev.recordingsindexer.indexer.testing.TestRecordings.recording;
import static dev.recordingsindexer.indexer.testing.TestRecordings.sid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.RecordingStatus;
import dev.recordingsindexer.indexer.model.SortKey;
import dev.recordingsindexer.indexer.testing.ChaosEventGenerator;
import dev.recordingsindexer.indexer.testing.ContractOracle;
import dev.recordingsindexer.indexer.testing.InMemoryRecordingReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * {@link ScatterGatherQueries} over local partitions answers exactly what {@link
 * LocalRecordingQueries} and the contract oracle answer (the properties of {@link
 * PagingProperties}), asks all partitions at once, and never answers a partial page.
 */
class ScatterGatherQueriesTest {

  private static final int SEEDS = 5;
  private static final int PARTITIONS = 4;
  private static final int[] PAGE_SIZES = {1, 2, 7, 50};
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Duration SHORT_TIMEOUT = Duration.ofMillis(300);

  private static final String ACCOUNT = sid("AC", 1);
  private static final String OTHER = sid("AC", 2);
  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  private record World(
      ContractOracle oracle,
      List<InMemoryRecordingReader> readers,
      LocalRecordingQueries local,
      ScatterGatherQueries scattered,
      List<String> accounts)
      implements PagingProperties.OracleWorld {}

  // ---- the paging properties, against the oracle and the local queries ----

  @Test
  void shouldVisitExactlyTheOraclesListFollowingAfterCursors() {
    forEveryCase(
        (world, account, filter, size, expected) -> {
          List<ListPage> pages =
              assertFollowingNextVisits(world.scattered(), account, filter, size, expected);
          assertThat(pages).isEqualTo(walk(world.local(), account, filter, size));
        });
  }

  @Test
  void shouldReturnThePreviousPageBeforeEveryPage() {
    forEveryCase(
        (world, account, filter, size, expected) ->
            assertPreviousPages(world.scattered(), account, filter, size, sameAsLocal(world)));
  }

  @Test
  void shouldAnswerTheFirstPageBeforeACursorNearTheTop() {
    forEveryCase(
        (world, account, filter, size, expected) -> {
          if (expected.isEmpty()) {
            return;
          }
          for (Recording near : expected.subList(0, Math.min(size, expected.size()))) {
            ListRequest before =
                request(account, filter, new PagePosition.Before(SortKey.of(near), false), size);
            assertThat(world.scattered().list(before)).isEqualTo(world.local().list(before));
          }
        });
  }

  @Test
  void shouldMatchTheOraclesOffsetPagesWhenSkippingWithinTheLimit() {
    forEveryCase(
        (world, account, filter, size, expected) -> {
          long[] skips = offsetSkips(size, expected.size());
          for (long skip : skips) {
            if (!withinTheLimit(skip, size)) {
              ListRequest request = request(account, filter, new PagePosition.Start(skip), size);
              assertThatThrownBy(() -> world.scattered().list(request))
                  .isInstanceOf(IllegalArgumentException.class)
                  .hasMessageContaining("skip " + skip);
            }
          }
          assertOffsetPages(
              world.scattered(),
              account,
              filter,
              size,
              expected,
              sameAsLocal(world),
              LongStream.of(skips).filter(skip -> withinTheLimit(skip, size)).toArray());
        });
  }

  @Test
  void shouldFetchOnlyTheCallersRecordings() {
    for (long seed = 1; seed <= SEEDS; seed++) {
      World world = world(seed);
      assertFetchIsAccountScoped(world.scattered(), world.oracle(), world.accounts());
      assertThat(world.scattered().fetch(world.accounts().get(0), sid("RT", 0xdead))).isEmpty();
    }
  }

  // ---- parallelism and failures ----

  @Test
  void shouldIssueEveryPartitionsScanBeforeWaitingForAny() {
    Scripted source = new Scripted(threeRecordingsPerPartition());
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    List<Runnable> held = new CopyOnWriteArrayList<>();
    source.onScan =
        (partition, request) -> {
          CompletableFuture<List<Recording>> answer = new CompletableFuture<>();
          maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
          held.add(
              () -> {
                inFlight.decrementAndGet();
                source.local.scan(partition, request).thenAccept(answer::complete);
              });
          if (held.size() == PARTITIONS) {
            // only once every partition was asked does any answer arrive
            held.forEach(Runnable::run);
            held.clear();
          }
          return answer;
        };
    ScatterGatherQueries queries = new ScatterGatherQueries(source, TIMEOUT);

    ListPage page =
        queries.list(request(ACCOUNT, RecordingFilter.NONE, new PagePosition.Start(0), 5));

    assertThat(maxInFlight).hasValue(PARTITIONS);
    assertThat(page.recordings()).hasSize(5);
    assertThat(page.hasMoreAfter()).isTrue();
  }

  @Test
  void shouldThrowUnavailableWithinTheTimeoutWhenAPartitionNeverAnswers() {
    Scripted source = new Scripted(threeRecordingsPerPartition());
    CompletableFuture<List<Recording>> hanging = new CompletableFuture<>();
    source.onScan =
        (partition, request) -> partition == 2 ? hanging : source.local.scan(partition, request);
    ScatterGatherQueries queries =
        new ScatterGatherQueries(source, SHORT_TIMEOUT, Duration.ofSeconds(4));

    long started = System.nanoTime();
    assertThatThrownBy(() -> queries.list(firstPage(10)))
        .isInstanceOfSatisfying(
            QueryUnavailableException.class,
            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(4)))
        .hasMessage("partition 2 did not answer within 300 ms");
    Duration waited = Duration.ofNanos(System.nanoTime() - started);

    assertThat(waited).isGreaterThanOrEqualTo(SHORT_TIMEOUT).isLessThan(Duration.ofSeconds(3));
    assertThat(hanging).isCancelled();
  }

  @Test
  void shouldThrowUnavailableWithinTheTimeoutWhenAFetchNeverAnswers() {
    Scripted source = new Scripted(threeRecordingsPerPartition());
    source.onFetch = sid -> new CompletableFuture<>();
    ScatterGatherQueries queries = new ScatterGatherQueries(source, SHORT_TIMEOUT);

    assertThatThrownBy(() -> queries.fetch(ACCOUNT, sid("RT", 1)))
        .isInstanceOf(QueryUnavailableException.class)
        .hasMessageContaining("did not answer within 300 ms");
  }

  @Test
  void shouldThrowThePartitionsUnavailabilityRatherThanAPartialPage() {
    Scripted source = new Scripted(threeRecordingsPerPartition());
    CompletableFuture<List<Recording>> slow = new CompletableFuture<>();
    source.onScan =
        (partition, request) ->
            switch (partition) {
              case 1 ->
                  CompletableFuture.failedFuture(
                      new CompletionException(
                          new QueryUnavailableException(
                              "partition 1 is restoring", Duration.ofSeconds(5))));
              case 3 -> slow;
              default -> source.local.scan(partition, request);
            };
    ScatterGatherQueries queries = new ScatterGatherQueries(source, TIMEOUT);

    long started = System.nanoTime();
    assertThatThrownBy(() -> queries.list(firstPage(10)))
        .isInstanceOfSatisfying(
            QueryUnavailableException.class,
            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(5)))
        .hasMessage("partition 1 is restoring");

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    assertThat(slow).isCancelled();
  }

  @Test
  void shouldThrowUnavailableWhenAPartitionFailsDuringThePreviousPagesProbe() {
    Scripted source = new Scripted(threeRecordingsPerPartition());
    source.onScan =
        (partition, request) ->
            request.limit() == 1 && partition == 0
                ? CompletableFuture.failedFuture(
                    new QueryUnavailableException("peer down", Duration.ofSeconds(1)))
                : source.local.scan(partition, request);
    ScatterGatherQueries queries = new ScatterGatherQueries(source, TIMEOUT);
    SortKey bottom = new SortKey(T0.minusSeconds(60), sid("RT", 0));

    assertThatThrownBy(
            () ->
                queries.list(
                    request(
                        ACCOUNT, RecordingFilter.NONE, new PagePosition.Before(bottom, false), 2)))
        .isInstanceOf(QueryUnavailableException.class)
        .hasMessage("peer down");
  }

  @Test
  void shouldThrowUnavailableWhenThePartitionCountIsUnknown() {
    ScatterGatherQueries queries =
        new ScatterGatherQueries(
            new LocalPartitionSource(
                () -> {
                  throw new QueryUnavailableException("not running", Duration.ofSeconds(2));
                }),
            TIMEOUT);

    assertThatThrownBy(() -> queries.list(firstPage(10)))
        .isInstanceOf(QueryUnavailableException.class)
        .hasMessage("not running");
    assertThatThrownBy(() -> queries.fetch(ACCOUNT, sid("RT", 1)))
        .isInstanceOf(QueryUnavailableException.class)
        .hasMessage("not running");
  }

  @Test
  void shouldReportThePlanTheQueryPlannerPicks() {
    ScatterGatherQueries queries =
        new ScatterGatherQueries(new Scripted(threeRecordingsPerPartition()), TIMEOUT);
    RecordingFilter byStatus =
        new RecordingFilter(RecordingStatus.PROCESSING, null, List.of(), null, null, null);

    assertThat(queries.list(firstPage(10)).plan()).isEqualTo("date");
    assertThat(
            queries.list(new ListRequest(ACCOUNT, byStatus, new PagePosition.Start(0), 10)).plan())
        .isEqualTo("status");
  }

  // ---- fixtures ----

  /** A partition source that delegates to local readers unless a test scripts its answers. */
  private static final class Scripted implements PartitionSource {
    final LocalPartitionSource local;
    volatile BiFunction<Integer, PartitionScanRequest, CompletableFuture<List<Recording>>> onScan;
    volatile java.util.function.Function<String, CompletableFuture<Optional<Recording>>> onFetch;

    Scripted(List<InMemoryRecordingReader> readers) {
      this.local = new LocalPartitionSource(() -> List.copyOf(readers));
      this.onScan = local::scan;
      this.onFetch = local::fetch;
    }

    @Override
    public int partitionCount() {
      return local.partitionCount();
    }

    @Override
    public CompletableFuture<List<Recording>> scan(int partition, PartitionScanRequest request) {
      return onScan.apply(partition, request);
    }

    @Override
    public CompletableFuture<Optional<Recording>> fetch(String sid) {
      return onFetch.apply(sid);
    }
  }

  private static List<InMemoryRecordingReader> threeRecordingsPerPartition() {
    List<InMemoryRecordingReader> readers = new ArrayList<>();
    for (int p = 0; p < PARTITIONS; p++) {
      InMemoryRecordingReader reader = new InMemoryRecordingReader();
      for (int i = 0; i < 3; i++) {
        int n = p * 3 + i + 1;
        reader.put(recording(sid("RT", n), ACCOUNT, T0.plusSeconds(n)));
        reader.put(recording(sid("RT", 100 + n), OTHER, T0.plusSeconds(n)));
      }
      readers.add(reader);
    }
    return readers;
  }

  private static void forEveryCase(PagingProperties.Case<World> check) {
    PagingProperties.forEveryCase(
        SEEDS,
        PAGE_SIZES,
        20,
        ScatterGatherQueriesTest::world,
        world -> {
          for (InMemoryRecordingReader reader : world.readers()) {
            assertThat(reader.openScans()).as("scans left open").isZero();
          }
        },
        check);
  }

  /** Every page the scattered queries answer is the page the local queries answer. */
  private static PagingProperties.PageCheck sameAsLocal(World world) {
    return (request, page) -> assertThat(page).isEqualTo(world.local().list(request));
  }

  /** Whether a partition scan can ask for {@code skip} plus a page of {@code size} and one more. */
  private static boolean withinTheLimit(long skip, int size) {
    return skip + size + 1 <= PartitionScanRequest.MAX_LIMIT;
  }

  private static World world(long seed) {
    ChaosEventGenerator generator = new ChaosEventGenerator(seed);
    ContractOracle oracle = new ContractOracle().acceptAll(generator.generate(150));
    List<InMemoryRecordingReader> all = partitioned(oracle, PARTITIONS);
    return new World(
        oracle,
        all,
        new LocalRecordingQueries(() -> List.copyOf(all)),
        new ScatterGatherQueries(new LocalPartitionSource(() -> List.copyOf(all)), TIMEOUT),
        generator.accountSids());
  }

  private static ListRequest firstPage(int size) {
    return request(ACCOUNT, RecordingFilter.NONE, new PagePosition.Start(0), size);
  }
}
