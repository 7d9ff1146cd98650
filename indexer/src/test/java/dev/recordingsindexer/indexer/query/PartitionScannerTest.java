package dev.recordingsindexer.indexer.query;

import static dev.recordingsindexer.indexer.testing.TestRecordings.recording;
import static dev.recordingsindexer.indexer.testing.TestRecordings.sid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.RecordingStatus;
import dev.recordingsindexer.indexer.model.SortKey;
import dev.recordingsindexer.indexer.testing.InMemoryRecordingReader;
import dev.recordingsindexer.indexer.testing.TestRecordings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PartitionScannerTest {

  private static final String ACCOUNT = sid("AC", 1);
  private static final String OTHER = sid("AC", 2);
  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  private final InMemoryRecordingReader reader = new InMemoryRecordingReader();

  // newest first: e, d, c, b, a (c and d share a second: sid breaks the tie)
  private final Recording a = recording(sid("RT", 1), ACCOUNT, T0);
  private final Recording b = recording(sid("RT", 2), ACCOUNT, T0.plusSeconds(1));
  private final Recording c = recording(sid("RT", 3), ACCOUNT, T0.plusSeconds(2));
  private final Recording d = recording(sid("RT", 4), ACCOUNT, T0.plusSeconds(2));
  private final Recording e = recording(sid("RT", 5), ACCOUNT, T0.plusSeconds(3));
  private final Recording foreign = recording(sid("RT", 6), OTHER, T0.plusSeconds(2));

  PartitionScannerTest() {
    List.of(a, b, c, d, e, foreign).forEach(reader::put);
  }

  @AfterEach
  void everyScanIsClosed() {
    assertThat(reader.openScans()).isZero();
  }

  @Test
  void shouldReturnTheAccountsMatchesNewestFirstFromTheTop() {
    assertThat(scan(RecordingFilter.NONE, null, false, true, 10)).containsExactly(e, d, c, b, a);
  }

  @Test
  void shouldWalkBackwardsFromTheBottomWhenNoStartIsGiven() {
    assertThat(scan(RecordingFilter.NONE, null, false, false, 10)).containsExactly(a, b, c, d, e);
  }

  @Test
  void shouldStopAtTheLimitInEitherDirection() {
    assertThat(scan(RecordingFilter.NONE, null, false, true, 2)).containsExactly(e, d);
    assertThat(scan(RecordingFilter.NONE, null, false, false, 2)).containsExactly(a, b);
  }

  @Test
  void shouldExcludeTheStartKeyUnlessInclusiveWhenWalkingNewestFirst() {
    assertThat(scan(RecordingFilter.NONE, SortKey.of(d), false, true, 10)).containsExactly(c, b, a);
    assertThat(scan(RecordingFilter.NONE, SortKey.of(d), true, true, 10))
        .containsExactly(d, c, b, a);
  }

  @Test
  void shouldExcludeTheStartKeyUnlessInclusiveWhenWalkingBackwards() {
    assertThat(scan(RecordingFilter.NONE, SortKey.of(c), false, false, 10)).containsExactly(d, e);
    assertThat(scan(RecordingFilter.NONE, SortKey.of(c), true, false, 10)).containsExactly(c, d, e);
  }

  @Test
  void shouldStartAtAKeyThatNoRecordingHas() {
    SortKey between = new SortKey(T0.plusSeconds(2), sid("RT", 0));
    assertThat(scan(RecordingFilter.NONE, between, false, true, 10)).containsExactly(b, a);
    assertThat(scan(RecordingFilter.NONE, between, false, false, 10)).containsExactly(c, d, e);
  }

  @Test
  void shouldKeepOnlyRecordingsInsideTheDateWindowInEitherDirection() {
    RecordingFilter window = dates(T0.plusSeconds(1), T0.plusSeconds(3));
    assertThat(scan(window, null, false, true, 10)).containsExactly(d, c, b);
    assertThat(scan(window, null, false, false, 10)).containsExactly(b, c, d);
    assertThat(scan(window, SortKey.of(e), true, true, 10)).containsExactly(d, c, b);
    assertThat(scan(window, SortKey.of(a), true, false, 10)).containsExactly(b, c, d);
    assertThat(scan(window, SortKey.of(a), true, true, 10)).isEmpty();
    assertThat(scan(window, SortKey.of(e), true, false, 10)).isEmpty();
  }

  @Test
  void shouldCutFractionalDateBoundsAtWholeSeconds() {
    RecordingFilter window = dates(T0.plusMillis(1), T0.plusSeconds(2).plusMillis(1));
    assertThat(scan(window, null, false, true, 10)).containsExactly(d, c, b);
    assertThat(scan(window, null, false, false, 10)).containsExactly(b, c, d);
  }

  @Test
  void shouldApplyEveryFilterToEachCandidateAndSkipStaleEntries() {
    Recording completed =
        recording(sid("RT", 7), ACCOUNT, T0, RecordingStatus.COMPLETED, sid("MT", 1), Map.of());
    reader.put(completed);
    reader.putStaleIndexEntry(TestRecordings.withStatus(completed, RecordingStatus.PROCESSING));

    RecordingFilter completedOnly =
        new RecordingFilter(RecordingStatus.COMPLETED, null, List.of(), null, null, null);
    RecordingFilter processing =
        new RecordingFilter(RecordingStatus.PROCESSING, null, List.of(), null, null, null);
    assertThat(scan(completedOnly, null, false, true, 10)).containsExactly(completed);
    assertThat(scan(processing, null, false, true, 10)).containsExactly(e, d, c, b, a);
  }

  @Test
  void shouldNeverReturnAnotherAccountsRecordings() {
    List<Recording> other =
        PartitionScanner.scan(
            reader, new PartitionScanRequest(OTHER, RecordingFilter.NONE, null, false, true, 10));
    assertThat(other).containsExactly(foreign);
  }

  @Test
  void shouldRejectLimitsOutsideOneToMaxLimit() {
    assertThatThrownBy(
            () -> new PartitionScanRequest(ACCOUNT, RecordingFilter.NONE, null, false, true, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new PartitionScanRequest(
                    ACCOUNT,
                    RecordingFilter.NONE,
                    null,
                    false,
                    true,
                    PartitionScanRequest.MAX_LIMIT + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private List<Recording> scan(
      RecordingFilter filter, SortKey from, boolean inclusive, boolean newestFirst, int limit) {
    return PartitionScanner.scan(
        reader, new PartitionScanRequest(ACCOUNT, filter, from, inclusive, newestFirst, limit));
  }

  private static RecordingFilter dates(Instant atOrAfter, Instant before) {
    return new RecordingFilter(null, null, List.of(), atOrAfter, before, null);
  }
}
