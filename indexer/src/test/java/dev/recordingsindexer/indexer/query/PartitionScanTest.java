package dev.recordingsindexer.indexer.query;

import static dev.recordingsindexer.indexer.testing.TestRecordings.recording;
import static dev.recordingsindexer.indexer.testing.TestRecordings.sid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.RecordingStatus;
import dev.recordingsindexer.indexer.model.SortKey;
import dev.recordingsindexer.indexer.testing.InMemoryRecordingReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A completed-status or media type walk starts on the date index and narrows to its own index after
 * a run of misses; the other statuses walk their own index, which stores their recordings.
 * Whichever it walks, it yields exactly the matches, in order, from its start.
 */
class PartitionScanTest {

  private static final String ACCOUNT = sid("AC", 1);
  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  private final InMemoryRecordingReader reader = new InMemoryRecordingReader();

  @AfterEach
  void everyScanIsClosed() {
    assertThat(reader.openScans()).isZero();
  }

  @Test
  void shouldStayOnTheDateIndexWhileMostRecordingsMatch() {
    List<Recording> all = fill(40, n -> n % 5 == 0 ? RecordingStatus.FAILED : completed());

    try (PartitionScan scan = open(RecordingStatus.COMPLETED, null, true)) {
      assertThat(drain(scan)).isEqualTo(expected(all, RecordingStatus.COMPLETED, null, true));
      assertThat(scan.narrowed()).isFalse();
    }
  }

  @Test
  void shouldNarrowToTheStatusIndexAfterARunOfMissesWithoutSkippingOrRepeating() {
    // An account of failed recordings with a few completed ones: the walk starts on the date
    // index for completed, and goes on along the status index.
    List<Recording> all =
        fill(60, n -> n == 45 || n < 10 || n == 20 ? completed() : RecordingStatus.FAILED);

    for (boolean newestFirst : new boolean[] {true, false}) {
      try (PartitionScan scan = open(RecordingStatus.COMPLETED, null, newestFirst)) {
        assertThat(drain(scan))
            .as(newestFirst ? "newest first" : "backwards")
            .isEqualTo(expected(all, RecordingStatus.COMPLETED, null, newestFirst));
        assertThat(scan.narrowed()).isTrue();
      }
    }
  }

  @Test
  void shouldWalkTheStatusIndexOfTheRarerStatusesAtOnce() {
    List<Recording> all = fill(40, n -> n % 10 == 0 ? RecordingStatus.FAILED : completed());

    try (PartitionScan scan = open(RecordingStatus.FAILED, null, true)) {
      assertThat(drain(scan)).isEqualTo(expected(all, RecordingStatus.FAILED, null, true));
      assertThat(scan.narrowed()).as("never on the date index").isFalse();
    }
  }

  @Test
  void shouldMatchTheOracleFromEveryStartForRandomStatuses() {
    Random random = new Random(7);
    RecordingStatus[] statuses = RecordingStatus.values();
    List<Recording> all =
        fill(
            200,
            n ->
                random.nextInt(10) < 7
                    ? RecordingStatus.COMPLETED
                    : statuses[random.nextInt(statuses.length)]);
    List<Recording> listOrder = new ArrayList<>(all);
    listOrder.sort(Comparator.comparing(SortKey::of));
    for (RecordingStatus status : statuses) {
      for (boolean newestFirst : new boolean[] {true, false}) {
        for (int i = 0; i < listOrder.size(); i += 17) {
          SortKey from = SortKey.of(listOrder.get(i));
          for (boolean inclusive : new boolean[] {true, false}) {
            try (PartitionScan scan = open(status, new ScanCursor(from, inclusive), newestFirst)) {
              assertThat(drain(scan))
                  .as("%s from %s %s %s", status, from, inclusive, newestFirst)
                  .isEqualTo(expected(all, status, new ScanCursor(from, inclusive), newestFirst));
            }
          }
        }
      }
    }
  }

  private static RecordingStatus completed() {
    return RecordingStatus.COMPLETED;
  }

  /** Puts {@code count} recordings, a second apart; recording n has the status n names. */
  private List<Recording> fill(int count, IntFunction<RecordingStatus> status) {
    List<Recording> all = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      Recording recording =
          recording(sid("RT", n + 1), ACCOUNT, T0.plusSeconds(n), status.apply(n), null, Map.of());
      reader.put(recording);
      all.add(recording);
    }
    return all;
  }

  private PartitionScan open(RecordingStatus status, ScanCursor start, boolean newestFirst) {
    RecordingFilter filter = new RecordingFilter(status, null, List.of(), null, null, null);
    return PartitionScan.open(
        reader, QueryPlanner.plan(filter), new MatchPredicate(ACCOUNT, filter), start, newestFirst);
  }

  private static List<Recording> drain(PartitionScan scan) {
    List<Recording> out = new ArrayList<>();
    Recording next;
    while ((next = scan.next()) != null) {
      out.add(next);
    }
    return out;
  }

  private static List<Recording> expected(
      List<Recording> all, RecordingStatus status, ScanCursor start, boolean newestFirst) {
    Comparator<Recording> order = Comparator.comparing(SortKey::of);
    return all.stream()
        .filter(recording -> recording.status() == status)
        .filter(recording -> start == null || after(SortKey.of(recording), start, newestFirst))
        .sorted(newestFirst ? order : order.reversed())
        .toList();
  }

  private static boolean after(SortKey key, ScanCursor start, boolean newestFirst) {
    int order = key.compareTo(start.key());
    if (order == 0) {
      return start.inclusive();
    }
    return newestFirst ? order > 0 : order < 0;
  }
}
