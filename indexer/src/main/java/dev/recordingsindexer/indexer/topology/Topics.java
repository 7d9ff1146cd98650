package dev.recordingsindexer.indexer.topology;

import org.apache.kafka.common.serialization.Serdes;

/**
 * The topics of the topology. Input and dead letters are raw bytes, so that a dead letter is the
 * input record unchanged; the repartition topic carries {@link Envelope}s keyed by recording SID
 * and is internal: {@code <application.id>-}{@value #BY_RECORDING_SID_NAME}{@code -repartition}.
 */
final class Topics {

  static final String BY_RECORDING_SID_NAME = "recordings-by-sid";

  static final TopicSpec<String, Envelope> BY_RECORDING_SID =
      new TopicSpec<>(BY_RECORDING_SID_NAME, Serdes.String(), new EnvelopeSerde());

  private Topics() {}

  static TopicSpec<byte[], byte[]> input(IndexerSettings settings) {
    return new TopicSpec<>(settings.inputTopic(), Serdes.ByteArray(), Serdes.ByteArray());
  }

  static TopicSpec<byte[], byte[]> deadLetters(IndexerSettings settings) {
    return new TopicSpec<>(settings.deadLetterTopic(), Serdes.ByteArray(), Serdes.ByteArray());
  }
}
