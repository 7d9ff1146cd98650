package dev.recordingsindexer.indexer.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recordingsindexer.indexer.model.MediaType;
import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.RecordingStatus;
import dev.recordingsindexer.indexer.model.SortKey;
import dev.recordingsindexer.indexer.testing.ContractOracle;
import dev.recordingsindexer.indexer.testing.InMemoryRecordingReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * The seeded paging properties every {@link RecordingQueries} must have, checked against the
 * contract oracle's list: following After cursors visits the list exactly once, Before from page k
 * is page k-1, Start(skip) answers the list's offset pages, and fetch is scoped to the account.
 * Each test builds its own worlds and runs these checks over them.
 */
final class PagingProperties {

  private PagingProperties() {}

  /** What the seeded loop needs of a test's world: the oracle and the accounts to page. */
  interface OracleWorld {
    ContractOracle oracle();

    List<String> accounts();
  }

  /** One check of one account, filter and page size, given the oracle's expected list. */
  interface Case<W> {
    void check(W world, String account, RecordingFilter filter, int size, List<Recording> expected);
  }

  /** A further check of every page the properties ask for, such as comparing with another query. */
  interface PageCheck {
    PageCheck NONE = (request, page) -> {};

    void check(ListRequest request, ListPage page);
  }

  /**
   * Runs {@code check} for every seed's world, every account, every {@link #filters filter} and
   * every page size; {@code afterWorld} runs once a seed's cases are done. Requires more than
   * {@code nonEmptyPerSeed} filters per seed on average to match something.
   */
  static <W extends OracleWorld> void forEveryCase(
      int seeds,
      int[] pageSizes,
      int nonEmptyPerSeed,
      LongFunction<W> worlds,
      Consumer<W> afterWorld,
      Case<W> check) {
    int nonEmpty = 0;
    for (long seed = 1; seed <= seeds; seed++) {
      W world = worlds.apply(seed);
      Random random = new Random(seed);
      for (String account : world.accounts()) {
        for (RecordingFilter filter : filters(world.oracle(), account, random)) {
          List<Recording> expected = world.oracle().list(account, filter);
          nonEmpty += expected.isEmpty() ? 0 : 1;
          for (int size : pageSizes) {
            check.check(world, account, filter, size, expected);
          }
        }
      }
      afterWorld.accept(world);
    }
    assertThat(nonEmpty).as("filters with matches").isGreaterThan(seeds * nonEmptyPerSeed);
  }

  /**
   * Following After cursors from the start visits exactly {@code expected}, in full pages but the
   * last, which alone has nothing more after it.
   *
   * @return the pages visited
   */
  static List<ListPage> assertFollowingNextVisits(
      RecordingQueries queries,
      String account,
      RecordingFilter filter,
      int size,
      List<Recording> expected) {
    List<ListPage> pages = walk(queries, account, filter, size);
    List<Recording> visited = pages.stream().flatMap(p -> p.recordings().stream()).toList();
    assertThat(visited).as("%s %s size %d", account, filter, size).isEqualTo(expected);
    for (int k = 0; k < pages.size() - 1; k++) {
      assertThat(pages.get(k).recordings()).hasSize(size);
      assertThat(pages.get(k).hasMoreAfter()).isTrue();
    }
    assertThat(pages.get(pages.size() - 1).hasMoreAfter()).isFalse();
    assertThat(pages).hasSize(Math.max(1, (expected.size() + size - 1) / size));
    return pages;
  }

  /**
   * Before the first recording of page k (exclusive), and before the last recording of page k-1
   * (inclusive), is page k-1; {@code also} sees every such request and its answer.
   */
  static void assertPreviousPages(
      RecordingQueries queries, String account, RecordingFilter filter, int size, PageCheck also) {
    List<ListPage> pages = walk(queries, account, filter, size);
    for (int k = 1; k < pages.size(); k++) {
      SortKey first = SortKey.of(pages.get(k).recordings().get(0));
      ListRequest exclusive = request(account, filter, new PagePosition.Before(first, false), size);
      ListPage previous = queries.list(exclusive);
      assertThat(previous.recordings())
          .as("%s %s size %d before page %d", account, filter, size, k)
          .isEqualTo(pages.get(k - 1).recordings());
      assertThat(previous.hasMoreAfter()).isTrue();
      also.check(exclusive, previous);

      SortKey last = SortKey.of(pages.get(k - 1).recordings().get(size - 1));
      ListRequest inclusive = request(account, filter, new PagePosition.Before(last, true), size);
      ListPage answer = queries.list(inclusive);
      assertThat(answer.recordings())
          .as("%s %s size %d inclusive before page %d", account, filter, size, k)
          .isEqualTo(pages.get(k - 1).recordings());
      also.check(inclusive, answer);
    }
  }

  static void assertPreviousPages(
      RecordingQueries queries, String account, RecordingFilter filter, int size) {
    assertPreviousPages(queries, account, filter, size, PageCheck.NONE);
  }

  /** The skips worth trying for pages of {@code size} over {@code n} matches: edges and beyond. */
  static long[] offsetSkips(int size, int n) {
    return new long[] {0, size, 2L * size, Math.max(0, n - 1), n, n + 3L};
  }

  /**
   * Start(skip) answers {@code expected}'s page at that offset for every skip; {@code also} sees
   * every request and its answer.
   */
  static void assertOffsetPages(
      RecordingQueries queries,
      String account,
      RecordingFilter filter,
      int size,
      List<Recording> expected,
      PageCheck also,
      long... skips) {
    int n = expected.size();
    for (long skip : skips) {
      ListRequest request = request(account, filter, new PagePosition.Start(skip), size);
      ListPage page = queries.list(request);
      int from = (int) Math.min(skip, n);
      int to = (int) Math.min(skip + size, n);
      assertThat(page.recordings())
          .as("%s %s size %d skip %d", account, filter, size, skip)
          .isEqualTo(expected.subList(from, to));
      assertThat(page.hasMoreAfter()).as("skip %d", skip).isEqualTo(skip + size < n);
      also.check(request, page);
    }
  }

  /** Start(skip) answers {@code expected}'s page at each of the {@link #offsetSkips} skips. */
  static void assertOffsetPages(
      RecordingQueries queries,
      String account,
      RecordingFilter filter,
      int size,
      List<Recording> expected) {
    assertOffsetPages(
        queries,
        account,
        filter,
        size,
        expected,
        PageCheck.NONE,
        offsetSkips(size, expected.size()));
  }

  /** Every recording of the oracle is fetched by its account, and by no other account. */
  static void assertFetchIsAccountScoped(
      RecordingQueries queries, ContractOracle oracle, List<String> accounts) {
    for (Recording recording : oracle.recordings()) {
      assertThat(queries.fetch(recording.accountSid(), recording.sid())).contains(recording);
      for (String other : accounts) {
        if (!other.equals(recording.accountSid())) {
          assertThat(queries.fetch(other, recording.sid())).isEmpty();
        }
      }
    }
  }

  /** In-memory partitions holding the oracle's recordings, each in the partition of its sid. */
  static List<InMemoryRecordingReader> partitioned(ContractOracle oracle, int partitions) {
    List<InMemoryRecordingReader> readers = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      readers.add(new InMemoryRecordingReader());
    }
    for (Recording recording : oracle.recordings()) {
      readers.get(Math.floorMod(recording.sid().hashCode(), partitions)).put(recording);
    }
    return List.copyOf(readers);
  }

  /**
   * Every kind of filter, with values taken from the account's recordings, including date windows
   * whose bounds are equal or have fractional seconds.
   */
  static List<RecordingFilter> filters(ContractOracle oracle, String account, Random random) {
    List<Recording> own = oracle.list(account, RecordingFilter.NONE);
    List<RecordingFilter> filters = new ArrayList<>();
    filters.add(RecordingFilter.NONE);
    for (RecordingStatus status : RecordingStatus.values()) {
      filters.add(new RecordingFilter(status, null, List.of(), null, null, null));
    }
    for (MediaType type : MediaType.values()) {
      filters.add(new RecordingFilter(null, null, List.of(), null, null, type));
    }
    if (own.isEmpty()) {
      return filters;
    }
    Recording a = own.get(random.nextInt(own.size()));
    Recording b = own.get(random.nextInt(own.size()));
    Instant early = a.dateCreated().isBefore(b.dateCreated()) ? a.dateCreated() : b.dateCreated();
    Instant late = a.dateCreated().isBefore(b.dateCreated()) ? b.dateCreated() : a.dateCreated();
    filters.add(new RecordingFilter(null, a.sourceSid(), List.of(), null, null, null));
    filters.add(
        new RecordingFilter(RecordingStatus.COMPLETED, a.sourceSid(), List.of(), null, null, null));
    filters.add(new RecordingFilter(null, a.sourceSid(), List.of(), early, late, null));
    String room = a.groupingSids().get("room_sid");
    String participant = b.groupingSids().get("participant_sid");
    if (room != null) {
      filters.add(new RecordingFilter(null, null, List.of(room), null, null, null));
      filters.add(
          new RecordingFilter(
              RecordingStatus.PROCESSING, null, List.of(room), null, null, MediaType.AUDIO));
      filters.add(
          new RecordingFilter(
              null, null, List.of(room), early.plusMillis(250), late.plusMillis(750), null));
    }
    if (room != null && participant != null) {
      filters.add(new RecordingFilter(null, null, List.of(participant, room), null, null, null));
      filters.add(new RecordingFilter(null, null, List.of(room, participant), early, late, null));
    }
    // Windows whose bounds are existing date_created values: after inclusive, before exclusive.
    filters.add(new RecordingFilter(null, null, List.of(), early, late, null));
    filters.add(new RecordingFilter(null, null, List.of(), early, null, null));
    filters.add(new RecordingFilter(null, null, List.of(), null, late, null));
    filters.add(new RecordingFilter(null, null, List.of(), early, early, null));
    filters.add(new RecordingFilter(null, null, List.of(), early, early.plusSeconds(1), null));
    filters.add(new RecordingFilter(null, null, List.of(), late, early, null));
    // Windows whose bounds have fractional seconds, just around existing date_created values.
    filters.add(
        new RecordingFilter(
            null, null, List.of(), early.plusMillis(500), late.plusMillis(1), null));
    filters.add(new RecordingFilter(null, null, List.of(), early.plusNanos(1), null, null));
    filters.add(new RecordingFilter(null, null, List.of(), early.minusNanos(1), null, null));
    filters.add(new RecordingFilter(null, null, List.of(), null, late.plusNanos(1), null));
    filters.add(new RecordingFilter(null, null, List.of(), null, late.minusMillis(1), null));
    filters.add(
        new RecordingFilter(
            null, null, List.of(), late.minusMillis(999), late.plusMillis(999), null));
    filters.add(
        new RecordingFilter(
            RecordingStatus.COMPLETED,
            null,
            List.of(),
            early.minusMillis(1),
            late.plusMillis(1),
            null));
    filters.add(
        new RecordingFilter(
            null, null, List.of(), early.plusMillis(1), late.plusMillis(1), MediaType.AUDIO));
    filters.add(
        new RecordingFilter(
            RecordingStatus.COMPLETED, null, List.of(), early, late, MediaType.VIDEO));
    return filters;
  }

  /** Every page from the start, following After cursors until one has nothing more after it. */
  static List<ListPage> walk(
      RecordingQueries queries, String account, RecordingFilter filter, int size) {
    List<ListPage> pages = new ArrayList<>();
    PagePosition position = new PagePosition.Start(0);
    while (true) {
      ListPage page = queries.list(request(account, filter, position, size));
      pages.add(page);
      if (!page.hasMoreAfter()) {
        return pages;
      }
      assertThat(pages).as("pages").hasSizeLessThan(1000);
      position =
          new PagePosition.After(SortKey.of(page.recordings().get(page.recordings().size() - 1)));
    }
  }

  static ListRequest request(
      String account, RecordingFilter filter, PagePosition position, int size) {
    return new ListRequest(account, filter, position, size);
  }
}
