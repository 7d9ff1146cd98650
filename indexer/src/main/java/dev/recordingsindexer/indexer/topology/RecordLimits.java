package dev.recordingsindexer.indexer.topology;

/**
 * How large a record the indexer writes. The dead-letter topic must take any input record unchanged
 * plus the headers saying why, so the process creates it (and Kafka Streams its internal topics)
 * accepting {@link #MAX_RECORD_BYTES} and lets its producer send that much; Kafka's defaults (about
 * 1 MiB for the broker, the topics and the producer) would lose every larger bad record. A dead
 * letter larger even than this is cut to fit ({@link FittedDeadLetter}), never dropped.
 */
public final class RecordLimits {

  /**
   * The largest record (key, value and headers) written: the topics' {@code max.message.bytes} and
   * the producer's {@code max.request.size}. An input record a few KiB smaller (the room the
   * dead-letter headers and the framing take) is dead-lettered unchanged.
   */
  public static final int MAX_RECORD_BYTES = 16 * 1024 * 1024;

  /** Kept free below {@link #MAX_RECORD_BYTES} for the record and batch framing. */
  static final int FRAMING_BYTES = 4 * 1024;

  private RecordLimits() {}
}
