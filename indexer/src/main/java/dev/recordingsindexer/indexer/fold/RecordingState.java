package dev.recordingsindexer.indexer.fold;

import dev.recordingsindexer.indexer.model.Recording;

/**
 * Everything the fold keeps about one recording: the current value of each field plus the ordering
 * stamp of the event that wrote it, so that applying events in any order, any number of times,
 * gives the same state. Immutable.
 */
public final class RecordingState {

  private RecordingState() {}

  public String sid() {
    throw new UnsupportedOperationException("not implemented yet");
  }

  public String accountSid() {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** The recording as the API renders it. */
  public Recording toRecording() {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
