package dev.recordingsindexer.indexer.store;

import static dev.recordingsindexer.indexer.store.States.ACCOUNT;
import static dev.recordingsindexer.indexer.store.States.T0;
import static dev.recordingsindexer.indexer.store.States.sid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.recordingsindexer.indexer.event.EventType;
import dev.recordingsindexer.indexer.fold.RecordingState;
import dev.recordingsindexer.indexer.fold.RecordingStateCodec;
import dev.recordingsindexer.indexer.index.IndexEntries;
import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.SortKey;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index build after a restore into an empty store, around its edges: a process stopped part-way
 * (also during a build), a task turned into a standby mid-restore, a standby opening a store left
 * pending, and a store that was not empty (which keeps its indexes record by record). The random
 * histories of {@link IndexedRecordingStoreRestoreTest} check the built indexes in full.
 */
class IndexBuildTest {

  @TempDir File stateDir;
  private IndexedRecordingStore store;
  private TestStoreContext context;

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void shouldDropWhatAnUnfinishedBuildWroteAndBuildAgainAfterTheRestoreResumes() {
    open(true);
    RecordingState started = States.started(sid(1), T0);
    restore(record(started), record(States.started(sid(2), T0)));
    // A build that stopped after its first entries: sid(1) as processing, which it will not be.
    try (ChunkedWrites partial = new ChunkedWrites(store.handle())) {
      IndexEntries.of(started.toRecording()).stream()
          .map(Bytes::get)
          .forEach(e -> partial.put(e, new byte[0]));
      partial.flush();
    }
    store.close();

    open(true);
    assertThat(IndexBuild.pending(store.handle())).isTrue();
    restore(record(completed(started)));
    store.processing(true);

    assertThat(IndexBuild.pending(store.handle())).isFalse();
    assertThat(sids(IndexKind.STATUS, "processing")).containsExactly(sid(2));
    assertThat(sids(IndexKind.STATUS, "completed")).containsExactly(sid(1));
    assertThat(sids(IndexKind.DATE, null)).containsExactly(sid(2), sid(1));
    assertThat(store.approximateCount()).isEqualTo(2);
    assertThat(RecordingCount.decode(store.handle().get(RecordingCount.KEY))).isEqualTo(2);
  }

  @Test
  void shouldLoadEveryEntryOnceWhateverTheChunkSize() throws Exception {
    open(true);
    Map<Bytes, Bytes> expected = new HashMap<>();
    List<KeyValue<byte[], byte[]>> records = new ArrayList<>();
    for (int n = 0; n < 300; n++) {
      RecordingState state = States.started(sid(n), T0.plusSeconds(n % 7));
      if (n % 3 == 0) {
        state = completed(state);
      }
      records.add(record(state));
      Recording recording = state.toRecording();
      Set<Bytes> storing = new HashSet<>();
      IndexEntries.storing(recording).forEach(entry -> storing.add(Bytes.wrap(entry)));
      for (Bytes entry : IndexEntries.of(recording)) {
        // The date entry, and the status entry unless completed, store the recording.
        expected.put(
            entry,
            Bytes.wrap(
                storing.contains(entry)
                    ? RecordingEntryValue.encode(recording, RecordingStateCodec.encode(state))
                    : new byte[0]));
      }
    }
    context.restoreCallback().restoreAll(records);

    for (long chunkBytes : new long[] {1, 700, 5_000, Long.MAX_VALUE}) {
      IndexBuild.dropEntries(store.handle());
      assertThat(IndexBuild.build(store.handle(), "test", chunkBytes)).isEqualTo(300);
      Map<Bytes, Bytes> stored = new HashMap<>();
      for (byte tag = 0x20; tag < 0x30; tag++) {
        store
            .handle()
            .forEachTagged(tag, (key, value) -> stored.put(Bytes.wrap(key), Bytes.wrap(value)));
      }
      assertThat(stored).as("chunks of %d bytes", chunkBytes).isEqualTo(expected);
      assertThat(IndexBuild.pending(store.handle())).isFalse();
      assertThat(store.handle().bulkDir()).isEmptyDirectory();
    }
  }

  @Test
  void shouldBuildWhenKafkaStreamsReportsTheEndOfThisStoresRestore() {
    IndexBuilds builds = new IndexBuilds();
    open(true, builds);
    restore(record(States.started(sid(1), T0)));

    builds.restoreEnded("recordings", 1); // another partition's restore
    builds.restoreEnded("other-store", 0);
    assertThat(IndexBuild.pending(store.handle())).isTrue();

    builds.restoreEnded("recordings", 0);
    awaitBuilt();
    assertIndexed(sid(1));
    store.processing(true); // nothing left to build
    assertThat(store.approximateCount()).isEqualTo(1);
  }

  @Test
  void shouldLetATaskThatStartsMidBuildWaitForTheBuildersBuild() {
    IndexBuilds builds = new IndexBuilds(1);
    open(true, builds);
    List<KeyValue<byte[], byte[]>> records = new ArrayList<>();
    List<String> newestFirst = new ArrayList<>();
    for (int n = 0; n < 3_000; n++) {
      records.add(record(States.started(sid(n), T0.plusSeconds(n))));
      newestFirst.add(0, sid(n));
    }
    context.restoreCallback().restoreAll(records);

    builds.restoreEnded("recordings", 0);
    store.processing(true); // while the builder thread builds, most likely

    assertIndexed(newestFirst.toArray(String[]::new));
    store.put(States.started(sid(5_000), T0.plusSeconds(5_000)));
    store.commit(Map.of());
    assertThat(store.approximateCount()).isEqualTo(3_001);
  }

  @Test
  void shouldRestoreTheRecordsOfABatchThatArrivesMidBuildWithTheirIndexes() {
    IndexBuilds builds = new IndexBuilds(1);
    open(true, builds);
    List<KeyValue<byte[], byte[]>> records = new ArrayList<>();
    for (int n = 0; n < 3_000; n++) {
      records.add(record(States.started(sid(n), T0.plusSeconds(n))));
    }
    context.restoreCallback().restoreAll(records);

    builds.restoreEnded("recordings", 0);
    restore(record(States.started(sid(5_000), T0.plusSeconds(5_000))));
    store.processing(true);

    assertThat(sids(IndexKind.DATE, null)).hasSize(3_001).startsWith(sid(5_000));
    assertThat(store.approximateCount()).isEqualTo(3_001);
  }

  @Test
  void shouldIgnoreARestoreEndReportedAfterTheStoreClosed() {
    IndexBuilds builds = new IndexBuilds();
    open(true, builds);
    restore(record(States.started(sid(1), T0)));
    store.close();

    builds.restoreEnded("recordings", 0);

    open(true);
    assertThat(IndexBuild.pending(store.handle())).isTrue();
  }

  @Test
  void shouldBuildWhenTheTaskTurnsIntoAStandbyBeforeItsRestoreEnds() {
    open(true);
    restore(record(States.started(sid(1), T0)));
    context.active(false);
    restore(record(States.started(sid(2), T0.plusSeconds(1))));

    assertIndexed(sid(2), sid(1));
  }

  @Test
  void shouldBuildWhenATaskRecycledIntoAStandbyStartsUpdatingWithNothingToRestore() {
    // A rebalance moved the partition away before the active task's restore ended: Kafka Streams
    // keeps the store open for the standby it turns the task into, and an idle input leaves the
    // standby no batch to restore.
    IndexBuilds builds = new IndexBuilds();
    open(true, builds);
    restore(record(States.started(sid(1), T0)));
    assertThat(builds.unbuilt()).isEqualTo(1);

    context.active(false);
    assertThat(builds.unbuilt()).as("a standby does not hold back readiness").isZero();
    builds.standbyUpdateStarted("recordings", 1); // another partition's standby
    assertThat(IndexBuild.pending(store.handle())).isTrue();

    builds.standbyUpdateStarted("recordings", 0);
    awaitBuilt();
    assertIndexed(sid(1));
  }

  @Test
  void shouldAnswerScansOnceAnEmptyStoreRecycledIntoAStandbyStartsUpdating() {
    IndexBuilds builds = new IndexBuilds();
    open(true, builds);
    context.active(false);

    builds.standbyUpdateStarted("recordings", 0);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(store.approximateCount()).isZero());
    assertThat(sids(IndexKind.DATE, null)).isEmpty();
  }

  @Test
  void shouldBuildAtTheFirstLiveWriteOfAProcessorThatNeverSaidItProcesses() {
    open(true);
    restore(record(States.started(sid(1), T0)));

    store.put(States.started(sid(2), T0.plusSeconds(1)));
    store.commit(Map.of());

    assertIndexed(sid(2), sid(1));
  }

  @Test
  void shouldBuildWhenAStandbyOpensAStoreLeftPending() {
    open(true);
    restore(record(States.started(sid(1), T0)));
    store.close();

    open(false);

    assertThat(IndexBuild.pending(store.handle())).isFalse();
    assertThat(sids(IndexKind.GROUPING, States.ROOM)).containsExactly(sid(1));
    assertThat(store.approximateCount()).isEqualTo(1);
  }

  @Test
  void shouldKeepTheIndexesRecordByRecordWhenTheStoreIsNotEmpty() {
    open(true);
    restore(record(States.started(sid(1), T0)));
    store.processing(true);
    store.close();

    open(true);
    restore(record(States.started(sid(2), T0.plusSeconds(1))));

    assertIndexed(sid(2), sid(1));
  }

  @Test
  void shouldRestorePurgeMarkersAndTombstonesWithoutIndexes() {
    open(true);
    RecordingState started = States.started(sid(1), T0);
    restore(
        record(started),
        record(States.started(sid(2), T0)),
        new KeyValue<>(key(sid(1)), new ChangelogValue.Marker(5_000).encode()));
    restore(new KeyValue<>(key(sid(2)), new ChangelogValue.Marker(6_000).encode()));
    restore(new KeyValue<>(key(sid(2)), null));
    store.processing(true);

    assertThat(store.isPurged(sid(1))).isTrue();
    assertThat(store.isPurged(sid(2))).isFalse();
    assertThat(sids(IndexKind.DATE, null)).isEmpty();
    assertThat(store.approximateCount()).isZero();
    assertThat(store.expirePurgeMarkers(Long.MAX_VALUE)).isEqualTo(1);
  }

  /**
   * The build is done: no pending key, the date index lists exactly {@code newestFirst}, and the
   * count matches.
   */
  private void assertIndexed(String... newestFirst) {
    assertThat(IndexBuild.pending(store.handle())).isFalse();
    assertThat(sids(IndexKind.DATE, null)).containsExactly(newestFirst);
    assertThat(store.approximateCount()).isEqualTo(newestFirst.length);
  }

  /** Waits for the builder thread to finish this store's build. */
  private void awaitBuilt() {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(IndexBuild.pending(store.handle())).isFalse());
  }

  private void open(boolean active) {
    open(active, new IndexBuilds());
  }

  private void open(boolean active, IndexBuilds builds) {
    context = new TestStoreContext(stateDir).active(active);
    store =
        new IndexedRecordingStore(
            "recordings", RocksDbSettings.defaults(), ChangelogSink.Factory.DISABLED, builds);
    store.init(context, store);
  }

  @SafeVarargs
  private void restore(KeyValue<byte[], byte[]>... records) {
    context.restoreCallback().restoreAll(List.of(records));
  }

  private static KeyValue<byte[], byte[]> record(RecordingState state) {
    return new KeyValue<>(
        key(state.sid()), new ChangelogValue.State(RecordingStateCodec.encode(state)).encode());
  }

  private static byte[] key(String sid) {
    return sid.getBytes(StandardCharsets.UTF_8);
  }

  private static RecordingState completed(RecordingState started) {
    return States.apply(
        started,
        States.event(
            EventType.COMPLETED, started.sid(), ACCOUNT, T0.plusSeconds(300), null, Map.of()));
  }

  private List<String> sids(IndexKind kind, String value) {
    List<String> sids = new ArrayList<>();
    for (SortKey key :
        IndexedRecordingStoreTest.keys(
            store.scan(new IndexScan(kind, ACCOUNT, value, null, true, true)))) {
      sids.add(key.sid());
    }
    return sids;
  }
}
