package dev.recordingsindexer.indexer.store;

import static dev.recordingsindexer.indexer.store.States.ACCOUNT;
import static dev.recordingsindexer.indexer.store.States.OTHER_ROOM;
import static dev.recordingsindexer.indexer.store.States.ROOM;
import static dev.recordingsindexer.indexer.store.States.T0;
import static dev.recordingsindexer.indexer.store.States.TRACK;
import static dev.recordingsindexer.indexer.store.States.sid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recordingsindexer.indexer.event.EventType;
import dev.recordingsindexer.indexer.fold.RecordingState;
import dev.recordingsindexer.indexer.fold.RecordingStateCodec;
import dev.recordingsindexer.indexer.index.IndexEntries;
import dev.recordingsindexer.indexer.index.IndexKeys;
import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.RecordingStatus;
import dev.recordingsindexer.indexer.model.SortKey;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatchWithIndex;

class IndexedRecordingStoreTest {

  @TempDir File stateDir;
  private final CapturedChangelog changelog = new CapturedChangelog();
  private IndexedRecordingStore store;

  @BeforeEach
  void open() {
    store =
        new IndexedRecordingStore("recordings", RocksDbSettings.defaults(), changelog.factory());
    store.init(new TestStoreContext(stateDir), store);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void shouldShowStagedWritesToTheStreamThreadButToQueriesOnlyOnceCommitted() {
    RecordingState state = States.started(sid(1), T0);

    store.put(state);
    store.purge(sid(2), 1_000);

    assertThat(store.state(sid(1))).contains(state);
    assertThat(store.isPurged(sid(2))).isTrue();
    assertThat(store.get(sid(1))).isEmpty();
    assertThat(sids(IndexKind.DATE, null)).isEmpty();
    assertThat(store.approximateCount()).isZero();
    assertThat(store.approximateNumUncommittedBytes()).isPositive();

    store.commit(Map.of());

    assertThat(store.get(sid(1))).contains(state.toRecording());
    assertThat(sids(IndexKind.DATE, null)).containsExactly(sid(1));
    assertThat(store.approximateCount()).isEqualTo(1);
    assertThat(store.approximateNumUncommittedBytes()).isZero();
  }

  @Test
  void shouldKeepOnlyCommittedDataAndItsOffsetWhenClosedMidTransaction() {
    TopicPartition partition = new TopicPartition("app-recordings-changelog", 3);
    assertThat(store.managesOffsets()).isTrue();
    assertThat(store.committedOffset(partition)).isNull();
    store.put(States.started(sid(1), T0));
    store.commit(Map.of(partition, 41L));
    store.put(completed(States.started(sid(1), T0)));
    store.put(States.started(sid(2), T0));
    store.purge(sid(3), 1_000);

    store.close(); // as a crash would leave it: the open transaction never committed
    store =
        new IndexedRecordingStore("recordings", RocksDbSettings.defaults(), changelog.factory());
    store.init(new TestStoreContext(stateDir), store);

    assertThat(store.committedOffset(partition)).isEqualTo(41L);
    assertThat(store.committedOffset(new TopicPartition("app-recordings-changelog", 4))).isNull();
    assertThat(store.state(sid(1))).contains(States.started(sid(1), T0));
    assertThat(store.state(sid(2))).isEmpty();
    assertThat(store.isPurged(sid(3))).isFalse();
    assertThat(sids(IndexKind.STATUS, "processing")).containsExactly(sid(1));
    assertThat(store.approximateCount()).isEqualTo(1);
  }

  @Test
  void shouldAnswerFromEveryIndexAfterPut() {
    RecordingState state = States.started(sid(1), T0);

    store.put(state);
    store.commit(Map.of());

    assertThat(store.get(sid(1))).contains(state.toRecording());
    assertThat(store.state(sid(1))).contains(state);
    assertThat(sids(IndexKind.DATE, null)).containsExactly(sid(1));
    assertThat(sids(IndexKind.GROUPING, ROOM)).containsExactly(sid(1));
    assertThat(sids(IndexKind.SOURCE, TRACK)).containsExactly(sid(1));
    assertThat(sids(IndexKind.STATUS, "processing")).containsExactly(sid(1));
    assertThat(store.approximateCount()).isEqualTo(1);
    assertThat(changelog.records()).hasSize(1);
  }

  @Test
  void shouldMoveTheStatusEntryWhenTheStatusChanges() {
    RecordingState started = States.started(sid(1), T0);
    store.put(started);
    store.commit(Map.of());

    store.put(completed(started));
    store.commit(Map.of());

    assertThat(sids(IndexKind.STATUS, "processing")).isEmpty();
    assertThat(sids(IndexKind.STATUS, "completed")).containsExactly(sid(1));
    assertThat(store.get(sid(1)).orElseThrow().status()).isEqualTo(RecordingStatus.COMPLETED);
    assertThat(store.approximateCount()).isEqualTo(1);
  }

  @Test
  void shouldRemoveTheOldDateEntryWhenDateCreatedMovesEarlier() {
    RecordingState late = States.started(sid(1), T0);
    store.put(late);
    store.commit(Map.of());
    RecordingState earlier = startedAMinuteEarlier(late);

    store.put(earlier);
    store.commit(Map.of());

    List<SortKey> keys = keys(scan(IndexKind.DATE, null, null, true, true));
    assertThat(keys).containsExactly(new SortKey(T0.minusSeconds(60), sid(1)));
    assertThat(keys(scan(IndexKind.GROUPING, ROOM, null, true, true)))
        .containsExactly(new SortKey(T0.minusSeconds(60), sid(1)));
  }

  @Test
  void shouldStoreEachRecordingWithItsDateEntryAsItChangesAndMoves() {
    RecordingState started = States.started(sid(1), T0);
    store.put(started);
    store.commit(Map.of());
    assertThat(datedRecordings()).containsExactly(started.toRecording());

    RecordingState done = completed(started);
    store.put(done);
    store.commit(Map.of());
    assertThat(datedRecordings()).containsExactly(done.toRecording());

    RecordingState moved = startedAMinuteEarlier(done);
    store.put(moved);
    store.commit(Map.of());
    assertThat(datedRecordings()).containsExactly(moved.toRecording());
    assertThat(store.get(sid(1))).contains(moved.toRecording());

    try (ScanIterator status = scan(IndexKind.STATUS, "completed", null, true, true)) {
      assertThat(status.next().sid()).isEqualTo(sid(1));
      assertThat(status.recording()).as("completed status entries store keys only").isNull();
    }
    store.put(States.started(sid(2), T0));
    store.commit(Map.of());
    try (ScanIterator status = scan(IndexKind.STATUS, "processing", null, true, true)) {
      assertThat(status.next().sid()).isEqualTo(sid(2));
      assertThat(status.recording())
          .as("other statuses' entries store the recording")
          .isEqualTo(States.started(sid(2), T0).toRecording());
    }
    try (ScanIterator room = scan(IndexKind.GROUPING, ROOM, null, true, true)) {
      room.next();
      assertThat(room.recording()).as("grouping entries store keys only").isNull();
    }
  }

  @Test
  void shouldReadACandidateByItsPositionInTheAccountsList() {
    RecordingState started = States.started(sid(1), T0);
    store.put(started);
    store.commit(Map.of());
    SortKey at = new SortKey(T0, sid(1));

    assertThat(store.getAt(ACCOUNT, at)).contains(started.toRecording());
    assertThat(store.getAt(States.OTHER_ACCOUNT, at)).isEmpty();
    assertThat(store.getAt(ACCOUNT, new SortKey(T0.plusSeconds(1), sid(1)))).isEmpty();

    store.put(startedAMinuteEarlier(started));
    store.commit(Map.of());
    assertThat(store.getAt(ACCOUNT, at)).as("moved by a later change").isEmpty();
    assertThat(store.getAt(ACCOUNT, new SortKey(T0.minusSeconds(60), sid(1)))).isPresent();

    store.purge(sid(1), 1_000);
    store.commit(Map.of());
    assertThat(store.getAt(ACCOUNT, new SortKey(T0.minusSeconds(60), sid(1)))).isEmpty();
    assertThat(datedRecordings()).isEmpty();
  }

  @Test
  void shouldReplaceTheGroupingEntryWhenAMemberChanges() {
    RecordingState inRoom = States.started(sid(1), T0);
    store.put(inRoom);
    store.commit(Map.of());

    store.put(
        States.apply(
            inRoom,
            States.event(
                EventType.STARTED,
                sid(1),
                ACCOUNT,
                T0.plusSeconds(1),
                TRACK,
                Map.of("room_sid", OTHER_ROOM))));
    store.commit(Map.of());

    assertThat(sids(IndexKind.GROUPING, ROOM)).isEmpty();
    assertThat(sids(IndexKind.GROUPING, OTHER_ROOM)).containsExactly(sid(1));
  }

  @Test
  void shouldNotLogAgainWhenTheStateIsUnchanged() {
    RecordingState state = States.started(sid(1), T0);
    store.put(state);
    store.commit(Map.of());

    store.put(States.started(sid(1), T0));
    store.commit(Map.of());

    assertThat(changelog.records()).hasSize(1);
  }

  @Test
  void shouldForgetAPurgedRecordingAndLogAMarkerWithoutItsData() {
    store.put(States.started(sid(1), T0));
    store.commit(Map.of());
    store.put(States.started(sid(2), T0));
    store.commit(Map.of());

    store.purge(sid(1), 5_000);
    store.commit(Map.of());

    assertThat(store.get(sid(1))).isEmpty();
    assertThat(store.isPurged(sid(1))).isTrue();
    assertThat(store.isPurged(sid(2))).isFalse();
    assertThat(sids(IndexKind.DATE, null)).containsExactly(sid(2));
    assertThat(sids(IndexKind.GROUPING, ROOM)).containsExactly(sid(2));
    assertThat(sids(IndexKind.SOURCE, TRACK)).containsExactly(sid(2));
    assertThat(sids(IndexKind.STATUS, "processing")).containsExactly(sid(2));
    assertThat(store.approximateCount()).isEqualTo(1);
    assertThat(CapturedChangelog.key(changelog.last())).isEqualTo(sid(1));
    assertThat(new String(changelog.last().value, StandardCharsets.ISO_8859_1))
        .doesNotContain(ACCOUNT)
        .doesNotContain(TRACK);
    assertThat(ChangelogValue.decode(changelog.last().value))
        .isEqualTo(new ChangelogValue.Marker(5_000));
  }

  @Test
  void shouldExpireOnlyMarkersOlderThanTheCutoffAndLogTombstones() {
    store.purge(sid(1), 1_000);
    store.commit(Map.of());
    store.purge(sid(2), 2_000);
    store.commit(Map.of());
    store.purge(sid(3), 3_000);
    store.commit(Map.of());

    int expired = store.expirePurgeMarkers(2_001);
    store.commit(Map.of());

    assertThat(expired).isEqualTo(2);
    assertThat(store.isPurged(sid(1))).isFalse();
    assertThat(store.isPurged(sid(2))).isFalse();
    assertThat(store.isPurged(sid(3))).isTrue();
    List<String> tombstones = new ArrayList<>();
    changelog.records().stream()
        .filter(record -> record.value == null)
        .forEach(record -> tombstones.add(CapturedChangelog.key(record)));
    assertThat(tombstones).containsExactly(sid(1), sid(2));
    assertThat(store.expirePurgeMarkers(2_001)).isZero();
    store.commit(Map.of());
  }

  @Test
  void shouldRestampAMarkerWhenPurgedAgain() {
    store.purge(sid(1), 1_000);
    store.commit(Map.of());

    store.purge(sid(1), 9_000);
    store.commit(Map.of());

    assertThat(store.expirePurgeMarkers(5_000)).isZero();
    store.commit(Map.of());
    assertThat(store.isPurged(sid(1))).isTrue();
    assertThat(store.expirePurgeMarkers(9_001)).isEqualTo(1);
    store.commit(Map.of());
  }

  @Test
  void shouldReviveARecordingPutAfterItsPurgeAndDropTheMarker() {
    store.purge(sid(1), 1_000);
    store.commit(Map.of());

    store.put(States.started(sid(1), T0));
    store.commit(Map.of());

    assertThat(store.isPurged(sid(1))).isFalse();
    assertThat(sids(IndexKind.DATE, null)).containsExactly(sid(1));
    assertThat(store.expirePurgeMarkers(Long.MAX_VALUE)).isZero();
    store.commit(Map.of());
  }

  @Test
  void shouldReviveAPurgedRecordingTheFoldReadFirst() {
    // The fold reads the state, then puts: the put reuses that read (null here) and must still
    // drop the marker and its expiry entry.
    store.purge(sid(1), 1_000);
    store.commit(Map.of());

    assertThat(store.state(sid(1))).isEmpty();
    store.put(States.started(sid(1), T0));
    store.commit(Map.of());

    assertOnlyLiveRecording(sid(1));
  }

  @Test
  void shouldMoveIndexEntriesFromTheStateReadBeforeThePut() {
    RecordingState started = States.started(sid(1), T0);
    store.put(started);
    store.commit(Map.of());

    RecordingState read = store.state(sid(1)).orElseThrow();
    store.state(sid(2)); // a read of another SID in between must not be taken for sid(1)'s
    store.put(completed(read));
    store.commit(Map.of());

    assertThat(sids(IndexKind.STATUS, "processing")).isEmpty();
    assertThat(sids(IndexKind.STATUS, "completed")).containsExactly(sid(1));
    assertThat(store.approximateCount()).isEqualTo(1);
  }

  @Test
  void shouldNotReuseAReadOnceTheRecordingWasPurgedSince() {
    store.put(States.started(sid(1), T0));
    store.commit(Map.of());

    store.state(sid(1));
    store.purge(sid(1), 2_000);
    store.put(States.started(sid(1), T0.plusSeconds(5)));
    store.commit(Map.of());

    assertOnlyLiveRecording(sid(1));
  }

  @Test
  void shouldWalkBothDirectionsFromInclusiveAndExclusivePositions() {
    for (int i = 1; i <= 5; i++) {
      store.put(States.started(sid(i), T0.plusSeconds(i / 2)));
      store.commit(Map.of());
    }
    // List order: (T0+2, 5), (T0+2, 4), (T0+1, 3), (T0+1, 2), (T0, 1)
    SortKey third = new SortKey(T0.plusSeconds(1), sid(3));

    assertThat(sidsOf(scan(IndexKind.DATE, null, null, true, true)))
        .containsExactly(sid(5), sid(4), sid(3), sid(2), sid(1));
    assertThat(sidsOf(scan(IndexKind.DATE, null, null, true, false)))
        .containsExactly(sid(1), sid(2), sid(3), sid(4), sid(5));
    assertThat(sidsOf(scan(IndexKind.DATE, null, third, true, true)))
        .containsExactly(sid(3), sid(2), sid(1));
    assertThat(sidsOf(scan(IndexKind.DATE, null, third, false, true)))
        .containsExactly(sid(2), sid(1));
    assertThat(sidsOf(scan(IndexKind.DATE, null, third, true, false)))
        .containsExactly(sid(3), sid(4), sid(5));
    assertThat(sidsOf(scan(IndexKind.DATE, null, third, false, false)))
        .containsExactly(sid(4), sid(5));
  }

  @Test
  void shouldStartBetweenEntriesWhenThePositionIsNotStored() {
    store.put(States.started(sid(1), T0));
    store.commit(Map.of());
    store.put(States.started(sid(3), T0));
    store.commit(Map.of());
    SortKey absent = new SortKey(T0, sid(2));

    assertThat(sidsOf(scan(IndexKind.DATE, null, absent, true, true))).containsExactly(sid(1));
    assertThat(sidsOf(scan(IndexKind.DATE, null, absent, false, false))).containsExactly(sid(3));
  }

  @Test
  void shouldKeepScansWithinTheirAccountAndValue() {
    store.put(States.started(sid(1), T0));
    store.commit(Map.of());
    RecordingState other =
        States.apply(
            null,
            States.event(
                EventType.STARTED,
                sid(2),
                States.OTHER_ACCOUNT,
                T0,
                TRACK,
                Map.of("room_sid", ROOM)));
    store.put(other);
    store.commit(Map.of());

    for (boolean newestFirst : new boolean[] {true, false}) {
      assertThat(sidsOf(scan(IndexKind.DATE, null, null, true, newestFirst)))
          .containsExactly(sid(1));
      assertThat(sidsOf(scan(IndexKind.GROUPING, ROOM, null, true, newestFirst)))
          .containsExactly(sid(1));
      assertThat(sidsOf(scan(IndexKind.GROUPING, OTHER_ROOM, null, true, newestFirst))).isEmpty();
    }
  }

  @Test
  void shouldFailReadsAndOpenScansOnceClosed() {
    store.put(States.started(sid(1), T0));
    store.commit(Map.of());
    store.put(States.started(sid(2), T0));
    store.commit(Map.of());
    ScanIterator open = scan(IndexKind.DATE, null, null, true, true);
    assertThat(open.hasNext()).isTrue();
    open.next();

    store.close();
    store.close();

    assertThat(store.isOpen()).isFalse();
    assertThatThrownBy(open::hasNext).isInstanceOf(InvalidStateStoreException.class);
    open.close();
    assertThatThrownBy(() -> store.get(sid(1))).isInstanceOf(InvalidStateStoreException.class);
    assertThatThrownBy(() -> scan(IndexKind.DATE, null, null, true, true))
        .isInstanceOf(InvalidStateStoreException.class);
    assertThatThrownBy(store::approximateCount).isInstanceOf(InvalidStateStoreException.class);
  }

  @Test
  void shouldKeepItsDataAcrossCloseAndReopen() {
    store.put(States.started(sid(1), T0));
    store.commit(Map.of());
    store.purge(sid(2), 1_000);
    store.commit(Map.of());
    store.commit(Map.of());
    store.close();

    store =
        new IndexedRecordingStore("recordings", RocksDbSettings.defaults(), changelog.factory());
    store.init(new TestStoreContext(stateDir), store);

    assertThat(sids(IndexKind.DATE, null)).containsExactly(sid(1));
    assertThat(store.isPurged(sid(2))).isTrue();
    assertThat(store.approximateCount()).isEqualTo(1);
  }

  @Test
  void shouldReadTheStoredCountWhenReopenedInsteadOfCounting() {
    store.put(States.started(sid(1), T0));
    store.commit(Map.of());
    store.put(States.started(sid(2), T0));
    store.commit(Map.of());
    store.put(States.started(sid(3), T0));
    store.commit(Map.of());
    store.purge(sid(3), 1_000);
    store.commit(Map.of());
    assertThat(RecordingCount.decode(store.handle().get(RecordingCount.KEY))).isEqualTo(2);
    store.close();

    reopen();
    assertThat(store.approximateCount()).isEqualTo(2);
    store.close();
    storeCount(RecordingCount.encode(41));
    reopen();

    assertThat(store.approximateCount()).as("read from the key, not counted").isEqualTo(41);
  }

  @Test
  void shouldCountOnceAndStoreTheCountWhenTheStoreHasNoneYet() {
    store.put(States.started(sid(1), T0));
    store.commit(Map.of());
    store.put(States.started(sid(2), T0));
    store.commit(Map.of());
    store.close();
    storeCount(null);

    reopen();

    assertThat(store.approximateCount()).isEqualTo(2);
    assertThat(RecordingCount.decode(store.handle().get(RecordingCount.KEY))).isEqualTo(2);
  }

  @Test
  void shouldIndexMediaTypes() {
    store.put(States.started(sid(1), T0));
    store.put(States.started(sid(2), T0.plusSeconds(1)));
    store.commit(Map.of());

    assertThat(sids(IndexKind.MEDIA_TYPE, "audio")).containsExactly(sid(2), sid(1));
    assertThat(sids(IndexKind.MEDIA_TYPE, "video")).isEmpty();
  }

  @Test
  void shouldRebuildTheIndexesOfAStoreWrittenWithLayout1() {
    writeTwoRecordingsAsAnOlderLayoutWrote(1);

    reopen();

    assertThat(sids(IndexKind.MEDIA_TYPE, "audio")).containsExactly(sid(2), sid(1));
    assertThat(datedRecordings()).containsExactly(recordingOf(2), recordingOf(1));
    assertThat(StoreLayout.of(store.handle())).isEqualTo(StoreLayout.CURRENT);
    assertThat(store.approximateCount()).isEqualTo(2);
  }

  @ParameterizedTest(name = "layout {0}")
  @ValueSource(ints = {2, 3})
  void shouldStoreRecordingsWithTheDateEntriesOfAStoreWrittenWithAnOlderLayout(int layout) {
    writeTwoRecordingsAsAnOlderLayoutWrote(layout);

    reopen();

    assertThat(datedRecordings()).containsExactly(recordingOf(2), recordingOf(1));
    assertThat(sids(IndexKind.MEDIA_TYPE, "audio")).containsExactly(sid(2), sid(1));
    assertThat(sids(IndexKind.STATUS, "processing")).containsExactly(sid(2), sid(1));
    assertThat(StoreLayout.of(store.handle())).isEqualTo(StoreLayout.CURRENT);
    assertThat(store.approximateCount()).isEqualTo(2);
    assertThat(store.getAt(ACCOUNT, SortKey.of(recordingOf(1)))).contains(recordingOf(1));
  }

  @Test
  void shouldOpenAnEmptyStoreInTheCurrentLayout() {
    assertThat(StoreLayout.of(store.handle())).isEqualTo(StoreLayout.CURRENT);
  }

  private static Recording recordingOf(int n) {
    return States.started(sid(n), n == 1 ? T0 : T0.plusSeconds(1)).toRecording();
  }

  /**
   * Stores sid(1) and sid(2), then rewrites the closed store as {@code layout} wrote it: layout 1
   * had no layout key and no media type entries; date entries were empty before layout 3, and held
   * the stored state alone in layout 3.
   */
  private void writeTwoRecordingsAsAnOlderLayoutWrote(int layout) {
    store.put(States.started(sid(1), T0));
    store.put(States.started(sid(2), T0.plusSeconds(1)));
    store.commit(Map.of());
    store.close();
    rewrite(
        batch -> {
          for (Recording recording : List.of(recordingOf(1), recordingOf(2))) {
            SortKey key = SortKey.of(recording);
            batch.put(
                IndexEntries.dateEntry(ACCOUNT, key),
                layout < 3
                    ? new byte[0]
                    : RecordingStateCodec.encode(
                        States.started(recording.sid(), recording.dateCreated())));
            if (layout < 2) {
              batch.delete(
                  IndexKeys.indexEntry(
                      IndexKeys.indexPrefix(IndexKind.MEDIA_TYPE, ACCOUNT, "audio"), key));
            }
          }
          if (layout < 2) {
            batch.delete(StoreLayout.KEY);
          } else {
            batch.put(StoreLayout.KEY, new byte[] {0, 0, 0, (byte) layout});
          }
        });
  }

  @Test
  void shouldRefuseAStoreWrittenWithANewerLayout() {
    store.close();
    rewrite(batch -> batch.put(StoreLayout.KEY, new byte[] {0, 0, 0, 99}));

    IndexedRecordingStore newer =
        new IndexedRecordingStore("recordings", RocksDbSettings.defaults(), changelog.factory());
    assertThatThrownBy(() -> newer.init(new TestStoreContext(stateDir), newer))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("layout 99")
        .hasMessageContaining("delete the state directory");
    rewrite(batch -> batch.delete(StoreLayout.KEY));
    reopen(); // for the shared teardown
  }

  /** Changes the closed store behind its back. */
  private void rewrite(RawWrite write) {
    File dir = new File(stateDir, "recordings");
    try (RocksDbHandle db = RocksDbHandle.open("raw", RocksDbSettings.defaults(), dir, Map.of());
        WriteBatchWithIndex batch = new WriteBatchWithIndex(true)) {
      write.apply(batch);
      db.write(batch);
    } catch (RocksDBException e) {
      throw new AssertionError(e);
    }
  }

  @FunctionalInterface
  private interface RawWrite {
    void apply(WriteBatchWithIndex batch) throws RocksDBException;
  }

  /** {@code sid} is the one stored, indexed and counted recording, with no purge marker left. */
  private void assertOnlyLiveRecording(String sid) {
    assertThat(store.isPurged(sid)).isFalse();
    assertThat(sids(IndexKind.DATE, null)).containsExactly(sid);
    assertThat(store.expirePurgeMarkers(Long.MAX_VALUE)).isZero();
    assertThat(store.approximateCount()).isEqualTo(1);
  }

  private void reopen() {
    store =
        new IndexedRecordingStore("recordings", RocksDbSettings.defaults(), changelog.factory());
    store.init(new TestStoreContext(stateDir), store);
  }

  /** Writes (or with null deletes) the count key of the closed store behind its back. */
  private void storeCount(byte[] value) {
    rewrite(
        batch -> {
          if (value == null) {
            batch.delete(RecordingCount.KEY);
          } else {
            batch.put(RecordingCount.KEY, value);
          }
        });
  }

  /** {@code state} after a late start event dated a minute before T0: it moves in list order. */
  private static RecordingState startedAMinuteEarlier(RecordingState state) {
    return States.apply(
        state,
        States.event(
            EventType.STARTED, state.sid(), ACCOUNT, T0.minusSeconds(60), TRACK, Map.of()));
  }

  private static RecordingState completed(RecordingState started) {
    return States.apply(
        started,
        States.event(
            EventType.COMPLETED, started.sid(), ACCOUNT, T0.plusSeconds(300), null, Map.of()));
  }

  private ScanIterator scan(
      IndexKind kind, String value, SortKey from, boolean inclusive, boolean newestFirst) {
    return store.scan(new IndexScan(kind, ACCOUNT, value, from, inclusive, newestFirst));
  }

  /** The recordings the date index stores, in list order. */
  private List<Recording> datedRecordings() {
    try (ScanIterator scan = scan(IndexKind.DATE, null, null, true, true)) {
      List<Recording> recordings = new ArrayList<>();
      while (scan.hasNext()) {
        scan.next();
        recordings.add(scan.recording());
      }
      return recordings;
    }
  }

  private List<String> sids(IndexKind kind, String value) {
    return sidsOf(scan(kind, value, null, true, true));
  }

  static List<SortKey> keys(ScanIterator scan) {
    try (scan) {
      List<SortKey> keys = new ArrayList<>();
      scan.forEachRemaining(keys::add);
      return keys;
    }
  }

  private static List<String> sidsOf(ScanIterator scan) {
    return keys(scan).stream().map(SortKey::sid).toList();
  }
}
