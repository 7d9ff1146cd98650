package dev.recordingsindexer.indexer.topology;

import java.util.List;

/**
 * What {@link EventRouter} makes of one input record: an {@link Envelope} for the fold, or a {@link
 * DeadLetter}. The two views below let the wiring split the stream without casts.
 */
sealed interface Routed permits Envelope, DeadLetter {

  /** This as a fold command, or nothing. */
  default List<Envelope> envelopes() {
    return this instanceof Envelope envelope ? List.of(envelope) : List.of();
  }

  /** This as a dead letter, or nothing. */
  default List<DeadLetter> deadLetters() {
    return this instanceof DeadLetter deadLetter ? List.of(deadLetter) : List.of();
  }
}
