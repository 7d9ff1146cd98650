package dev.recordingsindexer.indexer.store;

import dev.recordingsindexer.indexer.model.MediaType;
import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.RecordingStatus;
import dev.recordingsindexer.indexer.model.SortKey;
import java.util.Objects;

/**
 * A {@link ScanIterator} that forwards every call to another: extend it and override only what a
 * wrapper changes, so that a method added to {@link ScanIterator} reaches every wrapped scan (a
 * wrapper that forgot {@link #recording()} would make each stored recording a point read).
 */
public abstract class ForwardingScanIterator implements ScanIterator {

  private final ScanIterator delegate;

  protected ForwardingScanIterator(ScanIterator delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public boolean hasNext() {
    return delegate.hasNext();
  }

  @Override
  public SortKey next() {
    return delegate.next();
  }

  @Override
  public Recording recording() {
    return delegate.recording();
  }

  @Override
  public boolean mayMatch(RecordingStatus status, MediaType type) {
    return delegate.mayMatch(status, type);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
