package dev.recordingsindexer.indexer.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recordingsindexer.indexer.model.MediaType;
import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.RecordingStatus;
import dev.recordingsindexer.indexer.model.SortKey;
import dev.recordingsindexer.indexer.testing.ChaosEventGenerator;
import dev.recordingsindexer.indexer.testing.ContractOracle;
import dev.recordingsindexer.indexer.testing.InMemoryRecordingReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded property checks of {@link LocalRecordingQueries} over several partitions filled from the
 * contract oracle's results of generated streams: every way of paging agrees with the oracle's
 * list.
 */
class PagingPropertiesTest {

  private static final int SEEDS = 5;
  private static final int PARTITIONS = 3;
  private static final int[] PAGE_SIZES = {1, 2, 7, 50};

  private record World(
      ContractOracle oracle,
      List<InMemoryRecordingReader> readers,
      LocalRecordingQueries queries,
      List<String> accounts) {}

  @Test
  void shouldVisitExactlyTheOraclesListFollowingAfterCursors() {
    forEveryCase(
        (world, account, filter, size, expected) -> {
          List<ListPage> pages = walk(world.queries(), account, filter, size);
          List<Recording> visited = pages.stream().flatMap(p -> p.recordings().stream()).toList();
          assertThat(visited).as("%s %s size %d", account, filter, size).isEqualTo(expected);
          for (int k = 0; k < pages.size() - 1; k++) {
            assertThat(pages.get(k).recordings()).hasSize(size);
            assertThat(pages.get(k).hasMoreAfter()).isTrue();
          }
          assertThat(pages.get(pages.size() - 1).hasMoreAfter()).isFalse();
          assertThat(pages).hasSize(Math.max(1, (expected.size() + size - 1) / size));
        });
  }

  @Test
  void shouldReturnThePreviousPageBeforeEveryPage() {
    forEveryCase(
        (world, account, filter, size, expected) -> {
          List<ListPage> pages = walk(world.queries(), account, filter, size);
          for (int k = 1; k < pages.size(); k++) {
            SortKey first = SortKey.of(pages.get(k).recordings().get(0));
            ListPage previous =
                world
                    .queries()
                    .list(request(account, filter, new PagePosition.Before(first, false), size));
            assertThat(previous.recordings()).isEqualTo(pages.get(k - 1).recordings());
            assertThat(previous.hasMoreAfter()).isTrue();

            SortKey last = SortKey.of(pages.get(k - 1).recordings().get(size - 1));
            ListPage inclusive =
                world
                    .queries()
                    .list(request(account, filter, new PagePosition.Before(last, true), size));
            assertThat(inclusive.recordings()).isEqualTo(pages.get(k - 1).recordings());
          }
        });
  }

  @Test
  void shouldMatchTheOraclesOffsetPagesWhenSkipping() {
    forEveryCase(
        (world, account, filter, size, expected) -> {
          int n = expected.size();
          for (long skip : new long[] {0, size, 2L * size, Math.max(0, n - 1), n, n + 3L}) {
            ListPage page =
                world.queries().list(request(account, filter, new PagePosition.Start(skip), size));
            int from = (int) Math.min(skip, n);
            int to = (int) Math.min(skip + size, n);
            assertThat(page.recordings()).as("skip %d", skip).isEqualTo(expected.subList(from, to));
            assertThat(page.hasMoreAfter()).as("skip %d", skip).isEqualTo(skip + size < n);
          }
        });
  }

  @Test
  void shouldFetchOnlyTheCallersRecordings() {
    for (long seed = 1; seed <= SEEDS; seed++) {
      World world = world(seed);
      for (Recording recording : world.oracle().recordings()) {
        assertThat(world.queries().fetch(recording.accountSid(), recording.sid()))
            .contains(recording);
        for (String other : world.accounts()) {
          if (!other.equals(recording.accountSid())) {
            assertThat(world.queries().fetch(other, recording.sid())).isEmpty();
          }
        }
      }
    }
  }

  private interface Case {
    void check(
        World world, String account, RecordingFilter filter, int size, List<Recording> expected);
  }

  private static void forEveryCase(Case check) {
    int nonEmpty = 0;
    for (long seed = 1; seed <= SEEDS; seed++) {
      World world = world(seed);
      Random random = new Random(seed);
      for (String account : world.accounts()) {
        for (RecordingFilter filter : filters(world.oracle(), account, random)) {
          List<Recording> expected = world.oracle().list(account, filter);
          nonEmpty += expected.isEmpty() ? 0 : 1;
          for (int size : PAGE_SIZES) {
            check.check(world, account, filter, size, expected);
          }
        }
      }
      for (InMemoryRecordingReader reader : world.readers()) {
        assertThat(reader.openScans()).as("scans left open").isZero();
      }
    }
    assertThat(nonEmpty).as("filters with matches").isGreaterThan(SEEDS * 20);
  }

  private static World world(long seed) {
    ChaosEventGenerator generator = new ChaosEventGenerator(seed);
    ContractOracle oracle = new ContractOracle().acceptAll(generator.generate(150));
    List<InMemoryRecordingReader> readers = new ArrayList<>();
    for (int p = 0; p < PARTITIONS; p++) {
      readers.add(new InMemoryRecordingReader());
    }
    for (Recording recording : oracle.recordings()) {
      readers.get(Math.floorMod(recording.sid().hashCode(), PARTITIONS)).put(recording);
    }
    List<InMemoryRecordingReader> all = List.copyOf(readers);
    return new World(
        oracle, all, new LocalRecordingQueries(() -> List.copyOf(all)), generator.accountSids());
  }

  /** Every kind of filter, with values taken from the account's recordings. */
  private static List<RecordingFilter> filters(
      ContractOracle oracle, String account, Random random) {
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
    String room = a.groupingSids().get("room_sid");
    String participant = b.groupingSids().get("participant_sid");
    if (room != null) {
      filters.add(new RecordingFilter(null, null, List.of(room), null, null, null));
      filters.add(
          new RecordingFilter(
              RecordingStatus.PROCESSING, null, List.of(room), null, null, MediaType.AUDIO));
    }
    if (room != null && participant != null) {
      filters.add(new RecordingFilter(null, null, List.of(participant, room), null, null, null));
      filters.add(new RecordingFilter(null, null, List.of(room, participant), early, late, null));
    }
    filters.add(new RecordingFilter(null, null, List.of(), early, late, null));
    filters.add(new RecordingFilter(null, null, List.of(), early, null, null));
    filters.add(new RecordingFilter(null, null, List.of(), null, late, null));
    filters.add(
        new RecordingFilter(
            null, null, List.of(), early.plusMillis(500), late.plusMillis(1), null));
    filters.add(new RecordingFilter(null, null, List.of(), late, early, null));
    filters.add(
        new RecordingFilter(
            RecordingStatus.COMPLETED, null, List.of(), early, late, MediaType.VIDEO));
    return filters;
  }

  private static List<ListPage> walk(
      LocalRecordingQueries queries, String account, RecordingFilter filter, int size) {
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

  private static ListRequest request(
      String account, RecordingFilter filter, PagePosition position, int size) {
    return new ListRequest(account, filter, position, size);
  }
}
