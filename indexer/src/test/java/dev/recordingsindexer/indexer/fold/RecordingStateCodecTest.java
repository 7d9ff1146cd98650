package dev.recordingsindexer.indexer.fold;

import static dev.recordingsindexer.indexer.event.EventType.COMPLETED;
import static dev.recordingsindexer.indexer.event.EventType.STARTED;
import static dev.recordingsindexer.indexer.fold.EventBuilder.event;
import static dev.recordingsindexer.indexer.fold.Folding.fold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recordingsindexer.indexer.model.Codec;
import dev.recordingsindexer.indexer.model.ContainerFormat;
import dev.recordingsindexer.indexer.model.MediaType;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RecordingStateCodecTest {

  private static final int STATES = 500;

  @Test
  void shouldRoundTripRandomStatesExactly() {
    for (long seed = 0; seed < STATES; seed++) {
      RecordingState state = fold(new RandomEvents(seed).eventSet());

      RecordingState decoded = RecordingStateCodec.decode(RecordingStateCodec.encode(state));

      assertThat(decoded).as("seed %d", seed).isEqualTo(state);
      assertThat(decoded.toRecording()).as("seed %d", seed).isEqualTo(state.toRecording());
    }
  }

  @Test
  void shouldRoundTripSidsInAnyHexLetterCase() {
    RecordingState state =
        fold(
            event(STARTED, "2026-01-01T10:00:00Z")
                .sid("RT0123456789ABCDEFabcdef0123456789")
                .account("ACFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF")
                .sourceSid("mtdddddddddddddddddddddddddddddddd")
                .grouping("room_sid", "RM0123456789abcdef0123456789abcdef")
                .build());

    assertThat(RecordingStateCodec.decode(RecordingStateCodec.encode(state))).isEqualTo(state);
  }

  @Test
  void shouldWriteTheFormatVersionFirst() {
    byte[] bytes = RecordingStateCodec.encode(fold(event(STARTED, "2026-01-01T10:00:00Z").build()));

    assertThat(bytes[0]).isEqualTo((byte) 1);
  }

  @Test
  void shouldKeepATypicalRecordingSmall() {
    RecordingState state =
        fold(
            event(STARTED, "2026-01-01T10:00:00.250Z")
                .sourceSid("MTdddddddddddddddddddddddddddddddd")
                .grouping("room_sid", "RMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
                .grouping("participant_sid", "PAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb")
                .trackName("mic")
                .mediaType(MediaType.AUDIO)
                .codec(Codec.OPUS)
                .containerFormat(ContainerFormat.MKA)
                .build(),
            event(COMPLETED, "2026-01-01T10:05:00Z")
                .sequence(2)
                .size(4096)
                .duration(300)
                .offset(12)
                .build());

    byte[] bytes = RecordingStateCodec.encode(state);

    // Five SIDs packed take 100 bytes (175 as text); stamps are written once each, not per field.
    assertThat(bytes.length).isLessThan(190);
  }

  @Test
  void shouldRefuseEveryTruncationOfAValidEncoding() {
    byte[] bytes = RecordingStateCodec.encode(fold(new RandomEvents(7).eventSet()));

    for (int length = 0; length < bytes.length; length++) {
      byte[] prefix = Arrays.copyOf(bytes, length);
      assertThatThrownBy(() -> RecordingStateCodec.decode(prefix))
          .as("prefix of %d bytes", length)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void shouldRefuseTrailingBytes() {
    byte[] bytes = RecordingStateCodec.encode(fold(event(STARTED, "2026-01-01T10:00:00Z").build()));
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);

    assertThatThrownBy(() -> RecordingStateCodec.decode(longer))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("after the state");
  }

  @Test
  void shouldRefuseAnUnknownVersion() {
    byte[] bytes = RecordingStateCodec.encode(fold(event(STARTED, "2026-01-01T10:00:00Z").build()));
    bytes[0] = 2;

    assertThatThrownBy(() -> RecordingStateCodec.decode(bytes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("version 2");
  }

  @Test
  void shouldRefuseNullAndEmptyInput() {
    assertThatThrownBy(() -> RecordingStateCodec.decode(null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RecordingStateCodec.decode(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldThrowOnlyIllegalArgumentForRandomOrCorruptedBytes() {
    Random random = new Random(42);
    byte[] valid = RecordingStateCodec.encode(fold(new RandomEvents(3).eventSet()));
    for (int attempt = 0; attempt < 5_000; attempt++) {
      byte[] bytes;
      if (attempt % 2 == 0) {
        bytes = new byte[1 + random.nextInt(300)];
        random.nextBytes(bytes);
        bytes[0] = 1;
      } else {
        bytes = valid.clone();
        bytes[1 + random.nextInt(bytes.length - 1)] = (byte) random.nextInt(256);
      }
      try {
        RecordingState decoded = RecordingStateCodec.decode(bytes);
        assertThat(decoded.toRecording()).isNotNull();
      } catch (IllegalArgumentException expected) {
        assertThat(expected).hasMessageNotContaining("\n");
      }
    }
  }
}
