package dev.recordingsindexer.indexer.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recordingsindexer.indexer.event.EventType;
import dev.recordingsindexer.indexer.fold.RecordingState;
import dev.recordingsindexer.indexer.index.IndexEntries;
import dev.recordingsindexer.indexer.model.MediaType;
import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.RecordingStatus;
import dev.recordingsindexer.indexer.model.SortKey;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restoring from the changelog must rebuild every index exactly: random histories are written to a
 * store, its logged records are replayed into a fresh store (whole, and as compaction leaves them),
 * and every scan, lookup and marker must answer as the original and as a model of the histories.
 */
class IndexedRecordingStoreRestoreTest {

  private static final List<String> ACCOUNTS = List.of(States.ACCOUNT, States.OTHER_ACCOUNT);
  private static final List<String> GROUPS =
      List.of(group("RM", 1), group("RM", 2), group("PA", 3));
  private static final List<String> SOURCES = List.of(group("MT", 1), group("MT", 2));
  private static final EventType[] TYPES = EventType.values();

  @TempDir File dir;

  @Test
  void shouldRebuildEveryIndexFromTheLoggedChangesAndFromTheirCompaction() {
    for (long seed = 1; seed <= 4; seed++) {
      Random random = new Random(seed);
      CapturedChangelog changelog = new CapturedChangelog();
      IndexedRecordingStore original = open("original-" + seed, changelog);
      Map<String, RecordingState> model = new HashMap<>();
      Map<String, Long> markers = new HashMap<>();
      write(random, original, model, markers);

      try (AutoCloseable closeOriginal = original::close) {
        IndexedRecordingStore full = restore("full-" + seed, changelog.records(), random, 80);
        IndexedRecordingStore compacted =
            restore("compacted-" + seed, compact(changelog.records()), random, 80);
        // One batch holding every record: restoring applies only each SID's last record of a batch.
        IndexedRecordingStore oneBatch =
            restore("one-batch-" + seed, changelog.records(), random, Integer.MAX_VALUE - 1);
        // An active task's empty store restores the recordings alone and builds the indexes after.
        IndexedRecordingStore deferred =
            restoreActive("deferred-" + seed, changelog.records(), random);
        try (AutoCloseable closeFull = full::close;
            AutoCloseable closeCompacted = compacted::close;
            AutoCloseable closeOneBatch = oneBatch::close;
            AutoCloseable closeDeferred = deferred::close) {
          for (IndexedRecordingStore store :
              List.of(original, full, compacted, oneBatch, deferred)) {
            assertAnswersLike(model, markers, store, "seed " + seed + " " + store.name());
          }
          full.close();
          compacted.close();
          oneBatch.close();
          deferred.close();
          for (String name :
              List.of(
                  "full-" + seed, "compacted-" + seed, "one-batch-" + seed, "deferred-" + seed)) {
            IndexedRecordingStore reopened = open(name, new CapturedChangelog());
            assertThat(reopened.approximateCount())
                .as("the count a restore stored, read when reopening " + name)
                .isEqualTo(model.size());
            reopened.close();
          }
        }
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
  }

  private static void write(
      Random random,
      IndexedRecordingStore store,
      Map<String, RecordingState> model,
      Map<String, Long> markers) {
    long clock = 1_000;
    for (int step = 0; step < 600; step++) {
      String sid = States.sid(random.nextInt(60));
      int action = random.nextInt(100);
      clock += random.nextInt(50);
      if (action < 5) {
        store.purge(sid, clock);
        store.commit(Map.of());
        model.remove(sid);
        markers.put(sid, clock);
      } else if (action < 7) {
        long cutoff = clock - random.nextInt(400);
        store.expirePurgeMarkers(cutoff);
        store.commit(Map.of());
        markers.values().removeIf(at -> at < cutoff);
      } else {
        RecordingState next = nextState(random, sid, model.get(sid));
        store.put(next);
        store.commit(Map.of());
        model.put(sid, next);
        markers.remove(sid);
      }
    }
  }

  private static RecordingState nextState(Random random, String sid, RecordingState current) {
    String account =
        current != null ? current.accountSid() : ACCOUNTS.get(random.nextInt(ACCOUNTS.size()));
    Map<String, String> grouping = new HashMap<>();
    if (random.nextBoolean()) {
      grouping.put("room_sid", GROUPS.get(random.nextInt(2)));
    }
    if (random.nextInt(3) == 0) {
      grouping.put("participant_sid", GROUPS.get(2));
    }
    String source = random.nextBoolean() ? SOURCES.get(random.nextInt(SOURCES.size())) : null;
    return States.apply(
        current,
        States.event(
            TYPES[random.nextInt(TYPES.length)],
            sid,
            account,
            States.T0.plusSeconds(random.nextInt(20)).plusMillis(random.nextInt(1000)),
            source,
            grouping));
  }

  private IndexedRecordingStore open(String name, CapturedChangelog changelog) {
    IndexedRecordingStore store =
        new IndexedRecordingStore("recordings", RocksDbSettings.defaults(), changelog.factory());
    store.init(new TestStoreContext(new File(dir, name)), store);
    return store;
  }

  private IndexedRecordingStore restore(
      String name, List<KeyValue<byte[], byte[]>> records, Random random, int maxBatch) {
    CapturedChangelog relogged = new CapturedChangelog();
    IndexedRecordingStore store =
        new IndexedRecordingStore("recordings", RocksDbSettings.defaults(), relogged.factory());
    TestStoreContext context = new TestStoreContext(new File(dir, name));
    store.init(context, store);
    int from = 0;
    while (from < records.size()) {
      int to = (int) Math.min(records.size(), from + 1L + random.nextInt(maxBatch));
      context.restoreCallback().restoreAll(records.subList(from, to));
      from = to;
    }
    assertThat(relogged.records()).as("restore must not log").isEmpty();
    return store;
  }

  /**
   * Restores {@code records} into an empty store of an active task, as Kafka Streams would, then
   * starts processing: until then the store answers no scan.
   */
  private IndexedRecordingStore restoreActive(
      String name, List<KeyValue<byte[], byte[]>> records, Random random) {
    TestStoreContext context = new TestStoreContext(new File(dir, name)).active(true);
    IndexedRecordingStore store =
        new IndexedRecordingStore(
            "recordings", RocksDbSettings.defaults(), ChangelogSink.Factory.DISABLED);
    store.init(context, store);
    replay(context, records, random);
    assertThat(IndexBuild.pending(store.handle())).as(name + " build pending").isTrue();
    assertThatThrownBy(
            () -> store.scan(new IndexScan(IndexKind.DATE, States.ACCOUNT, null, null, true, true)))
        .as(name + " scanned before its indexes are built")
        .isInstanceOf(InvalidStateStoreException.class)
        .hasMessageContaining("restoring");
    store.processing(true);
    assertThat(IndexBuild.pending(store.handle())).as(name + " build pending").isFalse();
    return store;
  }

  private static void replay(
      TestStoreContext context, List<KeyValue<byte[], byte[]>> records, Random random) {
    int from = 0;
    while (from < records.size()) {
      int to = Math.min(records.size(), from + 1 + random.nextInt(80));
      context.restoreCallback().restoreAll(records.subList(from, to));
      from = to;
    }
  }

  private static List<KeyValue<byte[], byte[]>> compact(List<KeyValue<byte[], byte[]>> records) {
    Map<String, KeyValue<byte[], byte[]>> latest = new LinkedHashMap<>();
    for (KeyValue<byte[], byte[]> record : records) {
      String key = new String(record.key, StandardCharsets.UTF_8);
      latest.remove(key);
      latest.put(key, record);
    }
    List<KeyValue<byte[], byte[]>> compacted = new ArrayList<>(latest.values());
    compacted.removeIf(record -> record.value == null);
    return compacted;
  }

  private static void assertAnswersLike(
      Map<String, RecordingState> model,
      Map<String, Long> markers,
      IndexedRecordingStore store,
      String description) {
    assertThat(store.approximateCount()).as(description).isEqualTo(model.size());
    byte[] storedCount = store.handle().get(RecordingCount.KEY);
    assertThat(storedCount == null ? 0 : RecordingCount.decode(storedCount))
        .as(description + " stored count")
        .isEqualTo(model.size());
    for (int n = 0; n < 60; n++) {
      String sid = States.sid(n);
      assertThat(store.get(sid))
          .as(description + " " + sid)
          .isEqualTo(Optional.ofNullable(model.get(sid)).map(RecordingState::toRecording));
      assertThat(store.isPurged(sid))
          .as(description + " " + sid)
          .isEqualTo(markers.containsKey(sid));
    }
    for (String account : ACCOUNTS) {
      assertScan(model, store, description, account, IndexKind.DATE, null);
      for (String group : GROUPS) {
        assertScan(model, store, description, account, IndexKind.GROUPING, group);
      }
      for (String source : SOURCES) {
        assertScan(model, store, description, account, IndexKind.SOURCE, source);
      }
      for (RecordingStatus status : RecordingStatus.values()) {
        assertScan(model, store, description, account, IndexKind.STATUS, status.wire());
      }
      for (MediaType type : MediaType.values()) {
        assertScan(model, store, description, account, IndexKind.MEDIA_TYPE, type.wire());
      }
    }
  }

  private static void assertScan(
      Map<String, RecordingState> model,
      IndexedRecordingStore store,
      String description,
      String account,
      IndexKind kind,
      String value) {
    List<SortKey> expected = new ArrayList<>();
    Map<SortKey, Recording> listed = new HashMap<>();
    for (RecordingState state : model.values()) {
      Recording recording = state.toRecording();
      if (recording.accountSid().equals(account) && matches(recording, kind, value)) {
        expected.add(SortKey.of(recording));
        listed.put(SortKey.of(recording), recording);
      }
    }
    expected.sort(SortKey.LIST_ORDER);
    String what = description + " " + account + " " + kind + " " + value;
    for (SortKey key : expected) {
      assertThat(store.getAt(account, key)).as(what + " at " + key).contains(listed.get(key));
    }
    if (IndexEntries.storeRecordings(kind, value)) {
      List<Recording> stored = new ArrayList<>();
      try (ScanIterator scan = store.scan(new IndexScan(kind, account, value, null, true, true))) {
        while (scan.hasNext()) {
          scan.next();
          stored.add(scan.recording());
        }
      }
      assertThat(stored)
          .as(what + " stored recordings")
          .containsExactlyElementsOf(expected.stream().map(listed::get).toList());
    }
    assertThat(
            IndexedRecordingStoreTest.keys(
                store.scan(new IndexScan(kind, account, value, null, true, true))))
        .as(what)
        .containsExactlyElementsOf(expected);
    Collections.reverse(expected);
    assertThat(
            IndexedRecordingStoreTest.keys(
                store.scan(new IndexScan(kind, account, value, null, true, false))))
        .as(what + " backwards")
        .containsExactlyElementsOf(expected);
  }

  private static boolean matches(Recording recording, IndexKind kind, String value) {
    return switch (kind) {
      case DATE -> true;
      case GROUPING -> recording.groupingSids().containsValue(value);
      case SOURCE -> value.equals(recording.sourceSid());
      case STATUS -> recording.status().wire().equals(value);
      case MEDIA_TYPE -> recording.type() != null && recording.type().wire().equals(value);
    };
  }

  private static String group(String prefix, int n) {
    return prefix + String.format("%032x", n);
  }
}
