package dev.recordingsindexer.indexer.store;

import static dev.recordingsindexer.indexer.store.States.T0;
import static dev.recordingsindexer.indexer.store.States.sid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recordingsindexer.indexer.fold.RecordingState;
import dev.recordingsindexer.indexer.fold.RecordingStateCodec;
import dev.recordingsindexer.indexer.model.MediaType;
import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.RecordingStatus;
import org.junit.jupiter.api.Test;

class RecordingEntryValueTest {

  @Test
  void shouldStoreTheRecordingBehindItsStatusAndMediaType() {
    RecordingState state = States.started(sid(1), T0);
    Recording recording = state.toRecording();

    byte[] value = RecordingEntryValue.encode(recording, RecordingStateCodec.encode(state));

    assertThat(RecordingEntryValue.recording(value)).isEqualTo(recording);
    assertThat(value[0]).as("processing's fixed code").isEqualTo((byte) 0);
    assertThat(value[1]).as("audio's fixed code").isEqualTo((byte) 1);
  }

  @Test
  void shouldMatchExactlyTheStoredStatusAndMediaType() {
    RecordingState state = States.started(sid(1), T0);
    Recording recording = state.toRecording();
    byte[] value = RecordingEntryValue.encode(recording, RecordingStateCodec.encode(state));

    for (RecordingStatus status : RecordingStatus.values()) {
      for (MediaType type : MediaType.values()) {
        assertThat(RecordingEntryValue.matches(value, status, type))
            .as("%s %s", status, type)
            .isEqualTo(status == recording.status() && type == recording.type());
      }
      assertThat(RecordingEntryValue.matches(value, status, null))
          .isEqualTo(status == recording.status());
    }
    assertThat(RecordingEntryValue.matches(value, null, MediaType.AUDIO)).isTrue();
    assertThat(RecordingEntryValue.matches(value, null, MediaType.VIDEO)).isFalse();
    assertThat(RecordingEntryValue.matches(value, null, null)).isTrue();
  }

  @Test
  void shouldRefuseAValueWithoutARecording() {
    assertThatThrownBy(() -> RecordingEntryValue.recording(new byte[2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a date entry value");
  }
}
