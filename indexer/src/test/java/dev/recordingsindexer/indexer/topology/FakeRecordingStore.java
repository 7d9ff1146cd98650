package dev.recordingsindexer.indexer.topology;

import dev.recordingsindexer.indexer.fold.RecordingState;
import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.store.IndexScan;
import dev.recordingsindexer.indexer.store.RecordingStore;
import dev.recordingsindexer.indexer.store.ScanIterator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;

/**
 * A {@link RecordingStore} over maps, for unit tests of the processing steps: no indexes, no
 * changelog. Counts writes so tests can prove that unchanged states are not written. Can be told to
 * fail the next write.
 */
final class FakeRecordingStore implements StateStore, RecordingStore {

  final Map<String, RecordingState> states = new HashMap<>();
  final Map<String, Long> purgeMarkers = new HashMap<>();
  int puts;
  RuntimeException failNextPut;
  boolean processing;
  private boolean open;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void init(StateStoreContext context, StateStore root) {
    open = true;
  }

  @Override
  public void close() {
    open = false;
  }

  @Override
  public boolean persistent() {
    return false;
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public Optional<RecordingState> state(String sid) {
    return Optional.ofNullable(states.get(sid));
  }

  @Override
  public void put(RecordingState state) {
    if (failNextPut != null) {
      RuntimeException failure = failNextPut;
      failNextPut = null;
      throw failure;
    }
    puts++;
    states.put(state.sid(), state);
  }

  @Override
  public void processing(boolean processing) {
    this.processing = processing;
  }

  @Override
  public boolean isPurged(String sid) {
    return purgeMarkers.containsKey(sid);
  }

  @Override
  public void purge(String sid, long nowMs) {
    states.remove(sid);
    purgeMarkers.put(sid, nowMs);
  }

  @Override
  public int expirePurgeMarkers(long cutoffMs) {
    int before = purgeMarkers.size();
    purgeMarkers.values().removeIf(stamp -> stamp < cutoffMs);
    return before - purgeMarkers.size();
  }

  @Override
  public Optional<Recording> get(String sid) {
    return state(sid).map(RecordingState::toRecording);
  }

  @Override
  public ScanIterator scan(IndexScan scan) {
    throw new UnsupportedOperationException("the fake store has no indexes");
  }

  @Override
  public long approximateCount() {
    return states.size();
  }
}
