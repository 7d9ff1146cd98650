package dev.recordingsindexer.indexer.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.RecordingStatus;
import dev.recordingsindexer.indexer.model.SortKey;
import dev.recordingsindexer.indexer.store.IndexKind;
import dev.recordingsindexer.indexer.store.IndexScan;
import dev.recordingsindexer.indexer.store.RecordingStore;
import dev.recordingsindexer.indexer.store.RecordingStores;
import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsMetrics;
import org.apache.kafka.streams.processor.BatchingStateRestoreCallback;
import org.apache.kafka.streams.processor.CommitCallback;
import org.apache.kafka.streams.processor.StateRestoreCallback;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The changelog the topology writes is enough to rebuild the store: replaying it through the
 * store's restore callback gives the same recordings, purge markers and index scans.
 */
class ChangelogRestoreTest {

  private static final String[] ACCOUNTS = {Events.ACCOUNT, Events.OTHER_ACCOUNT};
  private static final String[] ROOMS = {
    "RMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "RMbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
  };
  private static final String[] SOURCES = {
    "MTdddddddddddddddddddddddddddddddd", "MTeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee"
  };
  private static final String[] TYPES = {"started", "completed", "failed", "deleted"};

  @TempDir Path stateDir;

  @Test
  void shouldRebuildEveryRecordingMarkerAndIndexFromTheChangelog() {
    Random random = new Random(7L);
    List<String> sids = new ArrayList<>();
    List<KeyValue<byte[], byte[]>> changelog;
    Map<String, Optional<Recording>> recordings = new LinkedHashMap<>();
    Map<String, Boolean> purged = new LinkedHashMap<>();
    Map<IndexScan, List<SortKey>> scans = new LinkedHashMap<>();
    try (IndexerDriver driver = new IndexerDriver(stateDir.resolve("original"))) {
      for (String[] record : deliveries(random, sids)) {
        driver.send(record[0], record[1]);
      }
      changelog = driver.changelog();
      RecordingStore original = driver.store();
      for (String sid : sids) {
        recordings.put(sid, original.get(sid));
        purged.put(sid, original.isPurged(sid));
      }
      for (IndexScan scan : allScans()) {
        scans.put(scan, RecordingsTopologyTest.scan(original, scan));
      }
    }
    assertThat(purged).containsValue(true);
    assertThat(recordings.values()).filteredOn(Optional::isPresent).hasSizeGreaterThan(10);

    RecordingStore restored = restore(changelog);

    for (String sid : sids) {
      assertThat(restored.get(sid)).as(sid).isEqualTo(recordings.get(sid));
      assertThat(restored.isPurged(sid)).as(sid).isEqualTo(purged.get(sid));
    }
    for (IndexScan scan : allScans()) {
      assertThat(RecordingsTopologyTest.scan(restored, scan))
          .as(scan.toString())
          .isEqualTo(scans.get(scan));
    }
    assertThat(restored.approximateCount())
        .isEqualTo(recordings.values().stream().filter(Optional::isPresent).count());
    ((StateStore) restored).close();
  }

  private RecordingStore restore(List<KeyValue<byte[], byte[]>> changelog) {
    StateStore store = RecordingStores.builder().withLoggingDisabled().build();
    File dir = stateDir.resolve("restored").toFile();
    MockProcessorContext<Object, Object> mock =
        new MockProcessorContext<>(new Properties(), new TaskId(0, 0), dir);
    CapturingContext context = new CapturingContext(mock.getStateStoreContext());
    store.init(context, store);
    StateRestoreCallback callback = context.callback;
    for (int from = 0; from < changelog.size(); from += 7) {
      List<KeyValue<byte[], byte[]>> batch =
          changelog.subList(from, Math.min(changelog.size(), from + 7));
      if (callback instanceof BatchingStateRestoreCallback batching) {
        batching.restoreAll(batch);
      } else {
        batch.forEach(record -> callback.restore(record.key, record.value));
      }
    }
    return (RecordingStore) store;
  }

  /** Events of 40 recordings, shuffled, with duplicates, tombstones and a few invalid records. */
  private static List<String[]> deliveries(Random random, List<String> sids) {
    List<String[]> records = new ArrayList<>();
    Instant base = Instant.parse("2026-01-01T10:00:00Z");
    for (int i = 0; i < 40; i++) {
      String sid = String.format("RT%032x", i);
      sids.add(sid);
      String account = ACCOUNTS[i % 2];
      for (int e = 0, n = 1 + random.nextInt(4); e < n; e++) {
        String extra =
            "\"grouping_sids\": {\"room_sid\": \""
                + ROOMS[random.nextInt(2)]
                + "\"}, "
                + "\"source_sid\": \""
                + SOURCES[random.nextInt(2)]
                + "\", "
                + "\"size\": "
                + random.nextInt(1000);
        String timestamp =
            base.plusSeconds(random.nextInt(3600)).plusMillis(random.nextInt(999)).toString();
        String event = Events.json(TYPES[random.nextInt(4)], timestamp, account, sid, extra);
        records.add(new String[] {random.nextBoolean() ? sid : null, event});
        if (random.nextInt(5) == 0) {
          records.add(new String[] {ROOMS[0], event});
        }
      }
    }
    Collections.shuffle(records, random);
    for (int i = 0; i < 40; i += 8) {
      records.add(random.nextInt(records.size()), new String[] {sids.get(i), null});
    }
    records.add(new String[] {"x", "not json"});
    return records;
  }

  private static List<IndexScan> allScans() {
    List<IndexScan> scans = new ArrayList<>();
    for (String account : ACCOUNTS) {
      for (boolean newestFirst : new boolean[] {true, false}) {
        scans.add(new IndexScan(IndexKind.DATE, account, null, null, true, newestFirst));
        for (String room : ROOMS) {
          scans.add(new IndexScan(IndexKind.GROUPING, account, room, null, true, newestFirst));
        }
        for (String source : SOURCES) {
          scans.add(new IndexScan(IndexKind.SOURCE, account, source, null, true, newestFirst));
        }
        for (RecordingStatus status : RecordingStatus.values()) {
          scans.add(
              new IndexScan(IndexKind.STATUS, account, status.wire(), null, true, newestFirst));
        }
      }
    }
    return scans;
  }

  /** A store context that keeps the restore callback the store registers. */
  private static final class CapturingContext implements StateStoreContext {
    private final StateStoreContext delegate;
    StateRestoreCallback callback;

    CapturingContext(StateStoreContext delegate) {
      this.delegate = delegate;
    }

    @Override
    public void register(StateStore store, StateRestoreCallback restoreCallback) {
      callback = restoreCallback;
    }

    @Override
    public void register(
        StateStore store, StateRestoreCallback restoreCallback, CommitCallback commitCallback) {
      callback = restoreCallback;
    }

    @Override
    public String applicationId() {
      return delegate.applicationId();
    }

    @Override
    public TaskId taskId() {
      return delegate.taskId();
    }

    @Override
    public Optional<RecordMetadata> recordMetadata() {
      return delegate.recordMetadata();
    }

    @Override
    public Serde<?> keySerde() {
      return delegate.keySerde();
    }

    @Override
    public Serde<?> valueSerde() {
      return delegate.valueSerde();
    }

    @Override
    public File stateDir() {
      return delegate.stateDir();
    }

    @Override
    public StreamsMetrics metrics() {
      return delegate.metrics();
    }

    @Override
    public Map<String, Object> appConfigs() {
      return delegate.appConfigs();
    }

    @Override
    public Map<String, Object> appConfigsWithPrefix(String prefix) {
      return delegate.appConfigsWithPrefix(prefix);
    }
  }
}
