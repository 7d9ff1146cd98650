package dev.recordingsindexer.indexer.fold;

import java.util.Objects;

/** The outcome of applying one event to a recording's state. */
public sealed interface FoldResult {

  /** The event was applied; {@code state} may equal the previous state (a duplicate). */
  record Applied(RecordingState state) implements FoldResult {
    public Applied {
      Objects.requireNonNull(state, "state");
    }
  }

  /** The event cannot apply (its account differs from the recording's); nothing changes. */
  record Rejected(String reason) implements FoldResult {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
