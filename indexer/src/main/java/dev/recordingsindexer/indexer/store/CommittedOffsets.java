package dev.recordingsindexer.indexer.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.TopicPartition;

/**
 * The changelog offsets a store has committed, kept in the store itself under reserved keys and
 * written in the same atomic batch as the data they describe (Kafka Streams' {@code
 * StateStore#commit(Map)}): after a crash the store holds exactly the data of its last commit and
 * the offset to restore from, so Kafka Streams need not wipe it under exactly-once.
 *
 * <p>Keys start with {@code 0x02}: below every kind {@link
 * dev.recordingsindexer.indexer.index.IndexKeys} uses and apart from {@link RecordingCount}'s
 * {@code 0x01}, so no scan meets them.
 */
final class CommittedOffsets {

  private static final byte KIND = 0x02;

  private CommittedOffsets() {}

  /** The key of one changelog partition's offset. */
  static byte[] key(TopicPartition partition) {
    byte[] topic = partition.topic().getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(1 + topic.length + Integer.BYTES)
        .put(KIND)
        .put(topic)
        .putInt(partition.partition())
        .array();
  }

  static byte[] encode(long offset) {
    return ByteBuffer.allocate(Long.BYTES).putLong(offset).array();
  }

  /**
   * @return the offset, or null when none was stored
   */
  static Long decode(byte[] stored) {
    if (stored == null) {
      return null;
    }
    if (stored.length != Long.BYTES) {
      throw new IllegalStateException("corrupt committed offset: " + stored.length + " bytes");
    }
    return ByteBuffer.wrap(stored).getLong();
  }
}
