package dev.recordingsindexer.indexer.store;

import dev.recordingsindexer.indexer.fold.RecordingState;
import dev.recordingsindexer.indexer.fold.RecordingStateCodec;
import dev.recordingsindexer.indexer.index.IndexKeys;
import dev.recordingsindexer.indexer.model.Recording;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.processor.BatchingStateRestoreCallback;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.query.Position;
import org.rocksdb.RocksIterator;

/**
 * The recordings of one partition and their secondary indexes in one RocksDB instance, with one
 * changelog record per recording change: key = SID, value = the encoded state or a purge marker
 * ({@link ChangelogValue}), a tombstone when a marker expires. Restoring replays those records
 * through the same write path as live writes, which rebuilds the indexes (and the stored {@link
 * RecordingCount}, so opening reads the count instead of counting).
 *
 * <p>Writes ({@link #put}, {@link #purge}, {@link #expirePurgeMarkers}) come from the stream thread
 * only; reads may come from any thread and fail with {@link InvalidStateStoreException} once the
 * store is closed.
 */
final class IndexedRecordingStore implements RecordingStore, StateStore {

  private final String name;
  private final RocksDbSettings settings;
  private final ChangelogSink.Factory sinks;
  private final AtomicLong recordings = new AtomicLong();
  private volatile Position position = Position.emptyPosition();
  private volatile RocksDbHandle db;
  private StateStoreContext context;
  private ChangelogSink changelog;

  IndexedRecordingStore(String name, RocksDbSettings settings, ChangelogSink.Factory sinks) {
    this.name = Objects.requireNonNull(name, "name");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.sinks = Objects.requireNonNull(sinks, "sinks");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void init(StateStoreContext context, StateStore root) {
    this.context = context;
    this.db =
        RocksDbHandle.open(
            name, settings, new File(context.stateDir(), name), context.appConfigs());
    recordings.set(RecordingCount.readOrCount(db));
    changelog = sinks.create(context, name, () -> position);
    context.register(root, (BatchingStateRestoreCallback) this::restoreAll);
  }

  /** Applies changelog records in order, without logging them again. */
  void restoreAll(Collection<KeyValue<byte[], byte[]>> records) {
    try (StoreWrites writes = new StoreWrites(db())) {
      for (KeyValue<byte[], byte[]> record : records) {
        String sid = new String(record.key, StandardCharsets.UTF_8);
        ChangelogValue value = record.value == null ? null : ChangelogValue.decode(record.value);
        if (value == null) {
          writes.removeAll(sid);
        } else if (value instanceof ChangelogValue.State state) {
          writes.putState(sid, state.state());
        } else if (value instanceof ChangelogValue.Marker marker) {
          writes.putMarker(sid, marker.purgedAtMs());
        }
      }
      recordings.addAndGet(writes.commit());
    }
  }

  @Override
  public void put(RecordingState state) {
    byte[] encoded = RecordingStateCodec.encode(state);
    try (StoreWrites writes = new StoreWrites(db())) {
      if (!writes.putState(state.sid(), encoded)) {
        return;
      }
      recordings.addAndGet(writes.commit());
    }
    log(state.sid(), new ChangelogValue.State(encoded).encode());
  }

  @Override
  public void purge(String sid, long nowMs) {
    try (StoreWrites writes = new StoreWrites(db())) {
      writes.putMarker(sid, nowMs);
      recordings.addAndGet(writes.commit());
    }
    log(sid, new ChangelogValue.Marker(nowMs).encode());
  }

  @Override
  public int expirePurgeMarkers(long cutoffMs) {
    List<String> expired = expiredMarkers(cutoffMs);
    if (expired.isEmpty()) {
      return 0;
    }
    try (StoreWrites writes = new StoreWrites(db())) {
      expired.forEach(writes::removeAll);
      recordings.addAndGet(writes.commit());
    }
    expired.forEach(sid -> log(sid, null));
    return expired.size();
  }

  @Override
  public boolean isPurged(String sid) {
    return db().get(IndexKeys.marker(sid)) != null;
  }

  @Override
  public Optional<RecordingState> state(String sid) {
    byte[] stored = db().get(IndexKeys.recording(sid));
    return stored == null ? Optional.empty() : Optional.of(RecordingStateCodec.decode(stored));
  }

  @Override
  public Optional<Recording> get(String sid) {
    return state(sid).map(RecordingState::toRecording);
  }

  @Override
  public ScanIterator scan(IndexScan scan) {
    return new RocksScanIterator(db(), scan);
  }

  @Override
  public long approximateCount() {
    db();
    return recordings.get();
  }

  @Override
  public void flush() {
    db().flush();
  }

  @Override
  public void close() {
    RocksDbHandle handle = db;
    if (handle != null) {
      handle.close();
    }
  }

  @Override
  public boolean persistent() {
    return true;
  }

  @Override
  public boolean isOpen() {
    RocksDbHandle handle = db;
    return handle != null && handle.isOpen();
  }

  @Override
  public Position getPosition() {
    return position;
  }

  private void log(String sid, byte[] value) {
    Optional<RecordMetadata> record = context.recordMetadata();
    if (record.isPresent() && record.get().topic() != null && record.get().offset() >= 0) {
      position =
          position
              .copy()
              .withComponent(record.get().topic(), record.get().partition(), record.get().offset());
    }
    changelog.log(sid.getBytes(StandardCharsets.UTF_8), value);
  }

  private List<String> expiredMarkers(long cutoffMs) {
    RocksDbHandle handle = db();
    byte[] prefix = IndexKeys.markerExpiryPrefix();
    RocksIterator iterator = handle.newIterator();
    try {
      return handle.withIterator(
          iterator,
          () -> {
            List<String> sids = new ArrayList<>();
            for (iterator.seek(prefix); iterator.isValid(); iterator.next()) {
              byte[] key = iterator.key();
              if (key[0] != prefix[0] || IndexKeys.markerExpiryTime(key) >= cutoffMs) {
                break;
              }
              sids.add(IndexKeys.markerExpirySid(key));
            }
            iterator.status();
            return sids;
          });
    } finally {
      handle.closeIterator(iterator);
    }
  }

  /** The open database, for tests that read its properties. */
  RocksDbHandle handle() {
    return db();
  }

  private RocksDbHandle db() {
    RocksDbHandle handle = db;
    if (handle == null || !handle.isOpen()) {
      throw new InvalidStateStoreException("store " + name + " is not open");
    }
    return handle;
  }
}
