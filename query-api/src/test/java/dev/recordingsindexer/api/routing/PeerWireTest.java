package dev.recordingsindexer.api.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.query.PartitionScanRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeerWireTest {

  @Test
  void shouldRoundTripARequestWithEveryFilterAndACursor() {
    PartitionScanRequest request = Recordings.fullRequest();

    assertThat(PeerWire.parseRequest(PeerWire.request(request))).isEqualTo(request);
  }

  @Test
  void shouldRoundTripARequestWithoutFiltersOrCursor() {
    PartitionScanRequest request = Recordings.request();

    assertThat(PeerWire.parseRequest(PeerWire.request(request))).isEqualTo(request);
  }

  @Test
  void shouldRoundTripRecordingsWithEveryFieldAndWithNone() {
    List<Recording> recordings = List.of(Recordings.full(), Recordings.minimal(Recordings.SID));

    List<Recording> decoded = PeerWire.parseRecordings(PeerWire.recordings(recordings));

    assertThat(decoded).isEqualTo(recordings);
    assertThat(decoded.get(0).groupingSids().keySet())
        .containsExactly("room_sid", "participant_sid", "composition_sid");
  }

  @Test
  void shouldRoundTripAFetchAnswerPresentAndAbsent() {
    assertThat(PeerWire.parseRecording(PeerWire.recording(Optional.of(Recordings.full()))))
        .contains(Recordings.full());
    assertThat(PeerWire.parseRecording(PeerWire.recording(Optional.empty()))).isEmpty();
  }

  @Test
  void shouldReadTheReasonOfAnErrorBody() {
    assertThat(PeerWire.parseError(PeerWire.error("partition 3 is restoring")))
        .isEqualTo("partition 3 is restoring");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not json",
        "[]",
        "{}",
        "{\"recordings\": 3}",
        "{\"recordings\": [{\"sid\": \"RT1\"}]}",
        "{\"recording\": {\"sid\": 1}}"
      })
  void shouldRejectBodiesThatAreNotWhatTheyClaim(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> PeerWire.parseRecordings(bytes))
        .isInstanceOf(PeerWire.BadPeerBody.class);
    assertThatThrownBy(() -> PeerWire.parseRecording(bytes))
        .isInstanceOf(PeerWire.BadPeerBody.class);
    assertThatThrownBy(() -> PeerWire.parseRequest(bytes)).isInstanceOf(PeerWire.BadPeerBody.class);
  }

  @Test
  void shouldRejectARequestWhoseLimitIsOutOfRange() {
    String body =
        new String(PeerWire.request(Recordings.request()), StandardCharsets.UTF_8)
            .replace("\"limit\":51", "\"limit\":500");

    assertThatThrownBy(() -> PeerWire.parseRequest(body.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(PeerWire.BadPeerBody.class);
  }
}
