package dev.recordingsindexer.indexer.store;

import dev.recordingsindexer.indexer.fold.RecordingState;
import java.util.Optional;

/**
 * The recordings of one partition with their secondary indexes, in one RocksDB instance, backed by
 * a changelog that carries one record per recording change (indexes are rebuilt on restore).
 *
 * <p>Writes come from the stream thread only; reads ({@link RecordingReader}) may come from any
 * thread.
 */
public interface RecordingStore extends RecordingReader {

  /** The store's name in the topology (and of its changelog topic's suffix). */
  String NAME = "recordings";

  /** The folded state of a recording, or empty when unknown or purged. */
  Optional<RecordingState> state(String sid);

  /** Inserts or replaces a recording, updating every index entry that changed. */
  void put(RecordingState state);

  /**
   * Whether {@code sid} was purged by a tombstone whose marker has not expired. A recording with a
   * {@link #state} is never purged (purging removes the state, a new state removes the marker), so
   * this needs asking only when it has none.
   */
  boolean isPurged(String sid);

  /**
   * Removes the recording and its index entries and leaves a purge marker stamped {@code nowMs}.
   */
  void purge(String sid, long nowMs);

  /** Drops purge markers older than {@code cutoffMs}; returns how many. */
  int expirePurgeMarkers(long cutoffMs);

  /**
   * Tells whether the task that owns this store processes input now: set by the fold's processor on
   * {@code init} (Kafka Streams initializes processors only once the task's stores are restored)
   * and cleared on {@code close}. Only such a store may answer a query as the active copy: one that
   * is still restoring, or about to start restoring, holds part of its partition only. See {@link
   * RecordingStores#activeQueryableStoreType()}.
   */
  void processing(boolean processing);
}
