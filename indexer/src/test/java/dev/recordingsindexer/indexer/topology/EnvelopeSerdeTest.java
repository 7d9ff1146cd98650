package dev.recordingsindexer.indexer.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class EnvelopeSerdeTest {

  private final EnvelopeSerde serde = new EnvelopeSerde();

  @Test
  void shouldRoundTripAnEventWithItsOrigin() {
    Envelope event =
        Envelope.event(
            Events.bytes("RMkey"), Events.bytes("{\"a\":1}"), new Origin("events", 3, 42L));

    Envelope decoded = roundTrip(event);

    assertThat(decoded.kind()).isEqualTo(Envelope.Kind.EVENT);
    assertThat(decoded.rawKey()).isEqualTo(event.rawKey());
    assertThat(decoded.rawValue()).isEqualTo(event.rawValue());
    assertThat(decoded.origin()).isEqualTo(new Origin("events", 3, 42L));
  }

  @Test
  void shouldRoundTripAPurgeAndANullKey() {
    Envelope purge = Envelope.purge(null, new Origin("t", 0, 0L));

    Envelope decoded = roundTrip(purge);

    assertThat(decoded.kind()).isEqualTo(Envelope.Kind.PURGE);
    assertThat(decoded.rawKey()).isNull();
    assertThat(decoded.rawValue()).isNull();
  }

  @Test
  void shouldKeepEmptyArraysDistinctFromNull() {
    Envelope decoded = roundTrip(Envelope.event(new byte[0], new byte[0], Origin.UNKNOWN));

    assertThat(decoded.rawKey()).isEmpty();
    assertThat(decoded.rawValue()).isEmpty();
    assertThat(decoded.origin()).isEqualTo(Origin.UNKNOWN);
  }

  @Test
  void shouldStartWithTheVersionByte() {
    byte[] bytes = EnvelopeSerde.encode(Envelope.purge(null, Origin.UNKNOWN));

    assertThat(bytes[0]).isEqualTo(EnvelopeSerde.VERSION);
  }

  @Test
  void shouldRejectAnUnknownVersion() {
    byte[] bytes = EnvelopeSerde.encode(Envelope.purge(null, Origin.UNKNOWN));
    bytes[0] = 99;

    assertThatThrownBy(() -> EnvelopeSerde.decode(bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("version 99");
  }

  @Test
  void shouldRejectEveryTruncationAndTrailingGarbageWithASerializationException() {
    byte[] bytes =
        EnvelopeSerde.encode(
            Envelope.event(Events.bytes("k"), Events.bytes("v"), new Origin("t", 1, 2L)));
    for (int length = 0; length < bytes.length; length++) {
      byte[] truncated = Arrays.copyOf(bytes, length);
      assertThatThrownBy(() -> EnvelopeSerde.decode(truncated))
          .as("truncated to %d bytes", length)
          .isInstanceOf(SerializationException.class);
    }
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
    assertThatThrownBy(() -> EnvelopeSerde.decode(longer))
        .isInstanceOf(SerializationException.class);
  }

  @Test
  void shouldNeverThrowAnythingButASerializationExceptionForRandomBytes() {
    Random random = new Random(20260101L);
    for (int i = 0; i < 2_000; i++) {
      byte[] bytes = new byte[random.nextInt(40)];
      random.nextBytes(bytes);
      if (bytes.length > 0 && random.nextBoolean()) {
        bytes[0] = EnvelopeSerde.VERSION;
      }
      try {
        EnvelopeSerde.decode(bytes);
      } catch (SerializationException expected) {
        // the only failure a reader may see
      }
    }
  }

  private Envelope roundTrip(Envelope envelope) {
    byte[] bytes = serde.serializer().serialize("topic", envelope);
    return serde.deserializer().deserialize("topic", bytes);
  }
}
