package dev.recordingsindexer.indexer.query;

import static dev.recordingsindexer.indexer.testing.TestRecordings.recording;
import static dev.recordingsindexer.indexer.testing.TestRecordings.sid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.RecordingStatus;
import dev.recordingsindexer.indexer.model.SortKey;
import dev.recordingsindexer.indexer.store.IndexScan;
import dev.recordingsindexer.indexer.store.RecordingReader;
import dev.recordingsindexer.indexer.store.ScanIterator;
import dev.recordingsindexer.indexer.testing.InMemoryRecordingReader;
import dev.recordingsindexer.indexer.testing.TestRecordings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocalRecordingQueriesTest {

  private static final String ACCOUNT = sid("AC", 1);
  private static final String OTHER = sid("AC", 2);
  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  private final InMemoryRecordingReader first = new InMemoryRecordingReader();
  private final InMemoryRecordingReader second = new InMemoryRecordingReader();
  private final LocalRecordingQueries queries =
      new LocalRecordingQueries(() -> List.of(first, second));

  @Test
  void shouldMergePartitionsNewestFirstThenBySidDescending() {
    Recording a = recording(sid("RT", 1), ACCOUNT, T0);
    Recording b = recording(sid("RT", 2), ACCOUNT, T0);
    Recording c = recording(sid("RT", 3), ACCOUNT, T0.plusSeconds(1));
    first.put(a);
    second.put(b);
    first.put(c);

    ListPage page = queries.list(firstPage(RecordingFilter.NONE, 10));

    assertThat(page.recordings()).containsExactly(c, b, a);
    assertThat(page.hasMoreAfter()).isFalse();
    assertThat(page.plan()).isEqualTo("date");
  }

  @Test
  void shouldIncludeDateCreatedAfterAndExcludeDateCreatedBefore() {
    Recording atLower = recording(sid("RT", 1), ACCOUNT, T0);
    Recording inside = recording(sid("RT", 2), ACCOUNT, T0.plusSeconds(1));
    Recording atUpper = recording(sid("RT", 3), ACCOUNT, T0.plusSeconds(2));
    Recording below = recording(sid("RT", 4), ACCOUNT, T0.minusSeconds(1));
    List.of(atLower, inside, atUpper, below).forEach(first::put);

    RecordingFilter window = dates(T0, T0.plusSeconds(2));
    RecordingFilter fractional = dates(T0.minusMillis(1), T0.plusSeconds(1).plusMillis(1));
    RecordingFilter afterFraction = dates(T0.plusMillis(1), null);

    assertThat(queries.list(firstPage(window, 10)).recordings()).containsExactly(inside, atLower);
    assertThat(queries.list(firstPage(fractional, 10)).recordings())
        .containsExactly(inside, atLower);
    assertThat(queries.list(firstPage(afterFraction, 10)).recordings())
        .containsExactly(atUpper, inside);
  }

  @Test
  void shouldNeverReturnARecordingThroughAStaleIndexEntry() {
    Recording completed =
        recording(sid("RT", 1), ACCOUNT, T0, RecordingStatus.COMPLETED, null, Map.of());
    first.put(completed);
    first.putStaleIndexEntry(TestRecordings.withStatus(completed, RecordingStatus.PROCESSING));
    first.putStaleIndexEntry(TestRecordings.withDateCreated(completed, T0.plusSeconds(60)));

    assertThat(queries.list(firstPage(status(RecordingStatus.PROCESSING), 10)).recordings())
        .isEmpty();
    assertThat(queries.list(firstPage(status(RecordingStatus.COMPLETED), 10)).recordings())
        .containsExactly(completed);
    assertThat(queries.list(firstPage(RecordingFilter.NONE, 10)).recordings())
        .containsExactly(completed);
  }

  @Test
  void shouldNotListOrFetchAnotherAccountsRecordings() {
    Recording mine = recording(sid("RT", 1), ACCOUNT, T0);
    Recording theirs = recording(sid("RT", 2), OTHER, T0);
    first.put(mine);
    second.put(theirs);

    assertThat(queries.list(firstPage(RecordingFilter.NONE, 10)).recordings())
        .containsExactly(mine);
    assertThat(queries.fetch(ACCOUNT, mine.sid())).contains(mine);
    assertThat(queries.fetch(ACCOUNT, theirs.sid())).isEmpty();
    assertThat(queries.fetch(ACCOUNT, sid("RT", 3))).isEmpty();
  }

  @Test
  void shouldReportNoMoreAfterAFullLastPage() {
    first.put(recording(sid("RT", 1), ACCOUNT, T0));
    second.put(recording(sid("RT", 2), ACCOUNT, T0));

    ListPage page = queries.list(firstPage(RecordingFilter.NONE, 2));

    assertThat(page.recordings()).hasSize(2);
    assertThat(page.hasMoreAfter()).isFalse();
  }

  @Test
  void shouldPropagateUnavailabilityInsteadOfAPartialAnswer() {
    QueryUnavailableException unavailable =
        new QueryUnavailableException("partition 3 restoring", Duration.ofSeconds(2));
    LocalRecordingQueries restoring =
        new LocalRecordingQueries(
            () -> {
              throw unavailable;
            });

    assertThatThrownBy(() -> restoring.list(firstPage(RecordingFilter.NONE, 10)))
        .isSameAs(unavailable);
    assertThatThrownBy(() -> restoring.fetch(ACCOUNT, sid("RT", 1))).isSameAs(unavailable);
  }

  @Test
  void shouldCloseOpenedScansWhenAPartitionFails() {
    first.put(recording(sid("RT", 1), ACCOUNT, T0));
    IllegalStateException broken = new IllegalStateException("store closed");
    LocalRecordingQueries failing =
        new LocalRecordingQueries(() -> List.of(first, second, new FailingReader(broken)));

    assertThatThrownBy(() -> failing.list(firstPage(RecordingFilter.NONE, 10))).isSameAs(broken);
    assertThat(first.openScans()).isZero();
    assertThat(second.openScans()).isZero();
  }

  @Test
  void shouldReadAPreviousPageBackwardsAndProbeForMoreAfterIt() {
    for (int i = 1; i <= 5; i++) {
      (i % 2 == 0 ? first : second).put(recording(sid("RT", i), ACCOUNT, T0.plusSeconds(i)));
    }
    SortKey third = new SortKey(T0.plusSeconds(3), sid("RT", 3));

    ListPage previous =
        queries.list(
            new ListRequest(
                ACCOUNT, RecordingFilter.NONE, new PagePosition.Before(third, false), 2));

    assertThat(previous.recordings())
        .extracting(Recording::sid)
        .containsExactly(sid("RT", 5), sid("RT", 4));
    assertThat(previous.hasMoreAfter()).isTrue();
  }

  @Test
  void shouldAnswerTheFirstPageWhenAPreviousPageReachesTheTopOfTheList() {
    for (int i = 1; i <= 5; i++) {
      (i % 2 == 0 ? first : second).put(recording(sid("RT", i), ACCOUNT, T0.plusSeconds(i)));
    }
    // Nothing (or less than a page) lies before the newest recording any more, e.g. because the
    // recordings of the old first page stopped matching: the previous page is the top as it is now,
    // never an empty page whose next link is lost.
    ListPage fromTop =
        queries.list(
            new ListRequest(
                ACCOUNT,
                RecordingFilter.NONE,
                new PagePosition.Before(new SortKey(T0.plusSeconds(5), sid("RT", 5)), false),
                2));
    ListPage shortOfAPage =
        queries.list(
            new ListRequest(
                ACCOUNT,
                RecordingFilter.NONE,
                new PagePosition.Before(new SortKey(T0.plusSeconds(4), sid("RT", 4)), false),
                2));

    assertThat(fromTop.recordings())
        .extracting(Recording::sid)
        .containsExactly(sid("RT", 5), sid("RT", 4));
    assertThat(fromTop.hasMoreAfter()).isTrue();
    assertThat(shortOfAPage.recordings())
        .extracting(Recording::sid)
        .containsExactly(sid("RT", 5), sid("RT", 4));
  }

  private static ListRequest firstPage(RecordingFilter filter, int size) {
    return new ListRequest(ACCOUNT, filter, new PagePosition.Start(0), size);
  }

  private static RecordingFilter dates(Instant atOrAfter, Instant before) {
    return new RecordingFilter(null, null, List.of(), atOrAfter, before, null);
  }

  private static RecordingFilter status(RecordingStatus status) {
    return new RecordingFilter(status, null, List.of(), null, null, null);
  }

  /** A partition whose store fails on every read. */
  private record FailingReader(RuntimeException failure) implements RecordingReader {
    @Override
    public Optional<Recording> get(String sid) {
      throw failure;
    }

    @Override
    public ScanIterator scan(IndexScan scan) {
      throw failure;
    }

    @Override
    public long approximateCount() {
      return 0;
    }
  }
}
