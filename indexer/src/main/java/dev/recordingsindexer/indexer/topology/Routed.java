package dev.recordingsindexer.indexer.topology;

import java.util.List;

/**
 * What {@link EventRouter} makes of one input record: a fold command for this task ({@link Local}),
 * a fold command for the task owning another partition (an {@link Envelope}, sent through the
 * repartition topic), or a {@link DeadLetter}. The views below let the wiring split the stream
 * without casts.
 */
sealed interface Routed permits Envelope, Routed.Local, DeadLetter {

  /** A command whose recording SID belongs to the partition being read: folded without a hop. */
  record Local(Envelope envelope) implements Routed {}

  /** This as a command for this task, or nothing. */
  default List<Envelope> localEnvelopes() {
    return this instanceof Local local ? List.of(local.envelope()) : List.of();
  }

  /** This as a command for another partition's task, or nothing. */
  default List<Envelope> envelopes() {
    return this instanceof Envelope envelope ? List.of(envelope.withoutParsed()) : List.of();
  }

  /** This as a dead letter, or nothing. */
  default List<DeadLetter> deadLetters() {
    return this instanceof DeadLetter deadLetter ? List.of(deadLetter) : List.of();
  }
}
