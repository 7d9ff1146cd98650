package dev.recordingsindexer.indexer.store;

import dev.recordingsindexer.indexer.fold.RecordingState;
import dev.recordingsindexer.indexer.fold.RecordingStateCodec;
import dev.recordingsindexer.indexer.index.IndexEntries;
import dev.recordingsindexer.indexer.index.IndexKeys;
import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.SortKey;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.processor.BatchingStateRestoreCallback;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.query.Position;
import org.rocksdb.RocksIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recordings of one partition and their secondary indexes in one RocksDB instance (the date
 * index stores each recording again, for queries: {@link #scan}, {@link #getAt}), with one
 * changelog record per recording change: key = SID, value = the encoded state or a purge marker
 * ({@link ChangelogValue}), a tombstone when a marker expires. Restoring replays those records
 * through the same write path as live writes, which rebuilds the indexes (and the stored {@link
 * RecordingCount}, so opening reads the count instead of counting).
 *
 * <p>Transactional (KIP-892, {@code enable.transactional.statestores}): live writes ({@link #put},
 * {@link #purge}, {@link #expirePurgeMarkers}) are staged in one batch that the stream thread reads
 * through ({@link #state}, {@link #isPurged}); Kafka Streams' {@link #commit(Map)} writes the batch
 * together with the changelog offsets ({@link CommittedOffsets}) in one atomic RocksDB write. So
 * the database only ever holds committed data and the offset it matches: after a crash Kafka
 * Streams restores from that offset instead of wiping the store and restoring all of it, and
 * queries (which read the database only) never see data of a transaction that may still abort.
 * Restoring writes each batch of committed changelog records directly: replaying them from an older
 * offset after a crash is harmless, because each record carries a recording's whole state.
 *
 * <p>An active task's store that opens empty (a new instance, a lost state directory, a partition
 * moved here) restores the recordings alone, and builds their index entries in one pass once the
 * restore is over ({@link IndexBuild}: on a builder thread of {@link IndexBuilds} when Kafka
 * Streams reports the end of its restore, else when the fold's processor starts, {@link
 * #processing}, or at the first live write; a thread that finds a build running waits for it),
 * instead of reading and diffing each restored recording's previous version. Until then it answers
 * no scan. A standby's store keeps its indexes record by record: it answers stale reads while it
 * restores, and its restore never ends; an active task's store that turns into a standby's before
 * its build (Kafka Streams recycles tasks whose partition moves away) builds when its standby
 * starts updating, or at its first restored batch.
 *
 * <p>Writes come from the stream thread only; reads ({@link #get}, {@link #scan}) may come from any
 * thread and fail with {@link InvalidStateStoreException} once the store is closed.
 */
final class IndexedRecordingStore implements RecordingStore, StateStore {

  private static final Logger LOG = LoggerFactory.getLogger(IndexedRecordingStore.class);

  private final String name;
  private final RocksDbSettings settings;
  private final ChangelogSink.Factory sinks;
  private final IndexBuilds builds;
  private final AtomicLong recordings = new AtomicLong();
  private volatile Position position = Position.emptyPosition();
  private volatile RocksDbHandle db;
  private volatile boolean processing;
  // Restoring recordings without their index entries (see above); the build clears it.
  private volatile boolean indexesDeferred;
  // Held while the indexes are built, and while restored records are written.
  private final Object buildLock = new Object();
  private StateStoreContext context;
  private ChangelogSink changelog;
  private StoreWrites pending;
  // The stored bytes state() last read (stream thread only), which put() of the same SID reuses
  // instead of reading them again; forgotten at every other write.
  private String lastReadSid;
  private byte[] lastRead;

  IndexedRecordingStore(String name, RocksDbSettings settings, ChangelogSink.Factory sinks) {
    this(name, settings, sinks, new IndexBuilds());
  }

  IndexedRecordingStore(
      String name, RocksDbSettings settings, ChangelogSink.Factory sinks, IndexBuilds builds) {
    this.name = Objects.requireNonNull(name, "name");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.sinks = Objects.requireNonNull(sinks, "sinks");
    this.builds = Objects.requireNonNull(builds, "builds");
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
    try {
      StoreLayout.upgrade(db, name);
      recordings.set(RecordingCount.readOrCount(db));
      deferIndexesIfEmpty(TaskRole.isActive(context));
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    changelog = sinks.create(context, name, () -> position);
    context.register(root, (BatchingStateRestoreCallback) this::restoreAll);
  }

  /**
   * Starts restoring without indexes when this store belongs to an active task and holds no
   * recording, or resumes doing so when a build was left pending; a standby's store builds a
   * pending index at once.
   */
  private void deferIndexesIfEmpty(boolean active) {
    boolean pending = IndexBuild.pending(db);
    if (pending) {
      IndexBuild.dropEntries(db);
    }
    if (active && (pending || recordings.get() == 0)) {
      indexesDeferred = true;
      builds.waitFor(name, context.taskId().partition(), this);
    } else if (pending) {
      indexesDeferred = true;
      buildDeferredIndexes();
    }
  }

  /**
   * Builds the indexes if they are deferred; if another thread is building them, waits for it
   * instead. Every thread that writes recordings calls it first, under the same lock.
   */
  private void buildDeferredIndexes() {
    synchronized (buildLock) {
      if (!indexesDeferred) {
        return;
      }
      String role = TaskRole.isActive(context) ? "" : ", standby";
      recordings.set(IndexBuild.build(db(), name + " (task " + context.taskId() + role + ")"));
      indexesDeferred = false;
      builds.forget(name, context.taskId().partition(), this);
    }
  }

  /**
   * The restore of this store ended, or its task turned into a standby ({@link IndexBuilds}):
   * builds the indexes now, on a builder thread. A failure is logged and left to the build when the
   * task starts or restores its next batch, which reports it.
   */
  void buildOnBuilderThread() {
    if (!indexesDeferred || !isOpen()) {
      return;
    }
    try {
      buildDeferredIndexes();
    } catch (RuntimeException e) {
      LOG.warn(
          "Store {} (task {}): index build failed; retrying when the task starts or restores",
          name,
          context.taskId(),
          e);
    }
  }

  /**
   * Applies changelog records in order, without logging them again. Each record carries a
   * recording's whole state (or its purge marker, or a tombstone), so only the last record of each
   * SID in the batch is applied: the result is the same, and a restore, where most recordings have
   * several records close together, reads, diffs and writes each about half as often.
   */
  void restoreAll(Collection<KeyValue<byte[], byte[]>> records) {
    synchronized (buildLock) {
      // Under the build lock: a build running meanwhile would not index these records.
      restoreBatch(records);
    }
  }

  private void restoreBatch(Collection<KeyValue<byte[], byte[]>> records) {
    forgetLastRead();
    if (indexesDeferred && !TaskRole.isActive(context)) {
      // The task turned into a standby before its restore ended: standbys keep their indexes.
      buildDeferredIndexes();
    }
    Map<String, byte[]> latest = new LinkedHashMap<>(records.size() * 2);
    for (KeyValue<byte[], byte[]> record : records) {
      String sid = new String(record.key, StandardCharsets.UTF_8);
      latest.put(sid, record.value);
    }
    try (StoreWrites writes =
        indexesDeferred ? StoreWrites.withoutIndexes(db()) : new StoreWrites(db())) {
      for (Map.Entry<String, byte[]> record : latest.entrySet()) {
        String sid = record.getKey();
        ChangelogValue value =
            record.getValue() == null ? null : ChangelogValue.decode(record.getValue());
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
    StoreWrites writes = pending();
    boolean changed =
        state.sid().equals(lastReadSid)
            ? writes.putState(state.sid(), encoded, lastRead)
            : writes.putState(state.sid(), encoded);
    forgetLastRead();
    if (!changed) {
      return;
    }
    log(state.sid(), new ChangelogValue.State(encoded).encode());
  }

  @Override
  public void purge(String sid, long nowMs) {
    forgetLastRead();
    pending().putMarker(sid, nowMs);
    log(sid, new ChangelogValue.Marker(nowMs).encode());
  }

  @Override
  public int expirePurgeMarkers(long cutoffMs) {
    forgetLastRead();
    StoreWrites writes = pending();
    // The scan sees committed markers only: keep those still present, with the same time, once
    // the staged writes are counted (a SID purged again in this transaction has a newer marker).
    List<String> expired =
        expiredMarkers(cutoffMs).stream()
            .filter(
                sid -> {
                  byte[] marker = writes.read(IndexKeys.marker(sid));
                  return marker != null && IndexKeys.markerTime(marker) < cutoffMs;
                })
            .toList();
    expired.forEach(writes::removeAll);
    expired.forEach(sid -> log(sid, null));
    return expired.size();
  }

  /** Also builds the indexes a restore into an empty store left out, before answering queries. */
  @Override
  public void processing(boolean processing) {
    if (processing) {
      buildDeferredIndexes();
    }
    this.processing = processing;
  }

  /** Whether the owning task is active now (not a standby); false before {@link #init}. */
  boolean isActiveTask() {
    StateStoreContext current = context;
    return current != null && TaskRole.isActive(current);
  }

  /** Whether the owning task processes input now (see {@link #processing(boolean)}). */
  boolean isProcessing() {
    return processing;
  }

  @Override
  public boolean isPurged(String sid) {
    return read(IndexKeys.marker(sid)) != null;
  }

  @Override
  public Optional<RecordingState> state(String sid) {
    byte[] stored = read(IndexKeys.recording(sid));
    lastReadSid = sid;
    lastRead = stored;
    return stored == null ? Optional.empty() : Optional.of(RecordingStateCodec.decode(stored));
  }

  /** Reads committed data only: queries never see a transaction that may still abort. */
  @Override
  public Optional<Recording> get(String sid) {
    byte[] stored = db().get(IndexKeys.recording(sid));
    return stored == null
        ? Optional.empty()
        : Optional.of(RecordingStateCodec.decode(stored).toRecording());
  }

  /**
   * Reads the recording from its date index entry, which stores it next to the recordings listed
   * near it; committed data only, like {@link #get}. By SID while the indexes are not built.
   */
  @Override
  public Optional<Recording> getAt(String accountSid, SortKey key) {
    RocksDbHandle handle = db();
    if (indexesDeferred) {
      return RecordingStore.super.getAt(accountSid, key);
    }
    byte[] stored = handle.get(IndexEntries.dateEntry(accountSid, key));
    return stored == null || stored.length == 0
        ? Optional.empty()
        : Optional.of(RecordingEntryValue.recording(stored));
  }

  /**
   * Writes the staged changes and {@code changelogOffsets} in one atomic batch. Called by Kafka
   * Streams once the task's changelog writes are committed (and during restoration, with the offset
   * restored so far).
   */
  @Override
  public void commit(Map<TopicPartition, Long> changelogOffsets) {
    StoreWrites writes = pending != null ? pending : new StoreWrites(db());
    pending = null;
    try (writes) {
      changelogOffsets.forEach(
          (partition, offset) -> {
            if (offset != null) {
              writes.putRaw(CommittedOffsets.key(partition), CommittedOffsets.encode(offset));
            }
          });
      recordings.addAndGet(writes.commit());
    }
  }

  @Override
  public Long committedOffset(TopicPartition partition) {
    return CommittedOffsets.decode(db().get(CommittedOffsets.key(partition)));
  }

  @Override
  public boolean managesOffsets() {
    return true;
  }

  @Override
  public long approximateNumUncommittedBytes() {
    StoreWrites writes = pending;
    return writes == null ? 0 : writes.stagedBytes();
  }

  private void forgetLastRead() {
    lastReadSid = null;
    lastRead = null;
  }

  /** The staged writes of the open transaction (stream thread only). */
  private StoreWrites pending() {
    if (indexesDeferred) {
      // A live write means the restore is over, even for a processor that never said so.
      buildDeferredIndexes();
    }
    if (pending == null) {
      pending = new StoreWrites(db());
    }
    return pending;
  }

  /** Reads {@code key} as the stream thread must see it: committed data plus staged writes. */
  private byte[] read(byte[] key) {
    StoreWrites writes = pending;
    return writes != null ? writes.read(key) : db().get(key);
  }

  @Override
  public ScanIterator scan(IndexScan scan) {
    RocksDbHandle handle = db();
    requireIndexes();
    return new RocksScanIterator(handle, scan);
  }

  @Override
  public long approximateCount() {
    db();
    requireIndexes();
    return recordings.get();
  }

  private void requireIndexes() {
    if (indexesDeferred) {
      throw new InvalidStateStoreException(
          "store " + name + " is restoring; its indexes are built when the restore ends");
    }
  }

  /**
   * Nothing to do: Kafka Streams commits this store through {@link #commit(Map)}, which writes the
   * data with its offsets; RocksDB flushes its memtables on its own and when closed.
   */
  @Override
  public void flush() {}

  /** Closes the database; staged writes of a transaction not committed are dropped. */
  @Override
  public void close() {
    processing = false;
    if (context != null) {
      builds.forget(name, context.taskId().partition(), this);
    }
    forgetLastRead();
    StoreWrites writes = pending;
    pending = null;
    if (writes != null) {
      writes.close();
    }
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
