package dev.recordingsindexer.indexer.topology;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The wire form of an {@link Envelope} on the repartition topic.
 *
 * <p>Layout, big-endian: version byte ({@value #VERSION}), kind byte, origin topic (int length +
 * UTF-8), origin partition (int), origin offset (long), raw key and raw value (each an int length,
 * -1 for null, then the bytes). A reader rejects any other version with a {@link
 * SerializationException}, which the deserialization handler dead-letters. The parsed event an
 * envelope may carry is not written. Thread-safe.
 */
final class EnvelopeSerde implements Serde<Envelope> {

  static final byte VERSION = 1;
  private static final int NULL_LENGTH = -1;

  @Override
  public Serializer<Envelope> serializer() {
    return (topic, envelope) -> envelope == null ? null : encode(envelope);
  }

  @Override
  public Deserializer<Envelope> deserializer() {
    return (topic, bytes) -> bytes == null ? null : decode(bytes);
  }

  static byte[] encode(Envelope envelope) {
    byte[] topic = envelope.origin().topic().getBytes(StandardCharsets.UTF_8);
    ByteBuffer buffer =
        ByteBuffer.allocate(
            2 + 4 + topic.length + 4 + 8 + sized(envelope.rawKey()) + sized(envelope.rawValue()));
    buffer.put(VERSION).put(envelope.kind().code);
    buffer.putInt(topic.length).put(topic);
    buffer.putInt(envelope.origin().partition()).putLong(envelope.origin().offset());
    putNullable(buffer, envelope.rawKey());
    putNullable(buffer, envelope.rawValue());
    return buffer.array();
  }

  static Envelope decode(byte[] bytes) {
    try {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      byte version = buffer.get();
      if (version != VERSION) {
        throw new SerializationException("unsupported envelope version " + version);
      }
      Envelope.Kind kind = Envelope.Kind.fromCode(buffer.get());
      byte[] topicBytes = getNullable(buffer);
      if (topicBytes == null) {
        throw new SerializationException("envelope without origin topic");
      }
      String topic = new String(topicBytes, StandardCharsets.UTF_8);
      Origin origin = new Origin(topic, buffer.getInt(), buffer.getLong());
      byte[] rawKey = getNullable(buffer);
      byte[] rawValue = getNullable(buffer);
      if (buffer.hasRemaining()) {
        throw new SerializationException("trailing bytes after envelope");
      }
      return new Envelope(kind, rawKey, rawValue, origin, null);
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      throw new SerializationException("malformed envelope: " + e, e);
    }
  }

  private static int sized(byte[] field) {
    return 4 + (field == null ? 0 : field.length);
  }

  private static void putNullable(ByteBuffer buffer, byte[] field) {
    if (field == null) {
      buffer.putInt(NULL_LENGTH);
    } else {
      buffer.putInt(field.length).put(field);
    }
  }

  private static byte[] getNullable(ByteBuffer buffer) {
    int length = buffer.getInt();
    if (length == NULL_LENGTH) {
      return null;
    }
    if (length < 0 || length > buffer.remaining()) {
      throw new IllegalArgumentException("field length " + length + " out of range");
    }
    byte[] field = new byte[length];
    buffer.get(field);
    return field;
  }
}
