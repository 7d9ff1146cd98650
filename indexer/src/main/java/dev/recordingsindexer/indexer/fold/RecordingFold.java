package dev.recordingsindexer.indexer.fold;

import dev.recordingsindexer.indexer.event.RecordingEvent;

/**
 * The contract's fold as a pure function: (state, event) -> state. Commutative and idempotent over
 * any set of events of one recording, except for the account rule (an event whose account differs
 * from the known recording's is rejected). Stateless and thread-safe.
 */
public final class RecordingFold {

  private RecordingFold() {}

  /**
   * Applies one event.
   *
   * @param current the recording's state, or null when the recording is unknown
   * @param event an event of that recording ({@code event.recordingSid()} equals the state's sid)
   */
  public static FoldResult apply(RecordingState current, RecordingEvent event) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
