package dev.recordingsindexer.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recordingsindexer.indexer.model.Codec;
import dev.recordingsindexer.indexer.model.ContainerFormat;
import dev.recordingsindexer.indexer.model.MediaType;
import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.RecordingStatus;
import dev.recordingsindexer.schemas.TwilioSchemas;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonBodiesTest {

  /** vectors.json, scenario started-then-completed, expected_recordings[0], compacted. */
  private static final String EXPECTED =
      """
      {"account_sid":"AC11111111111111111111111111111111","status":"completed",\
      "date_created":"2026-01-01T10:00:00Z","date_updated":"2026-01-01T10:05:00Z",\
      "date_deleted":null,"sid":"RT00000000000000000000000000000001",\
      "source_sid":"MTdddddddddddddddddddddddddddddddd","size":4096,"type":"audio",\
      "duration":300,"container_format":"mka","codec":"OPUS",\
      "grouping_sids":{"room_sid":"RMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",\
      "participant_sid":"PAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"},"track_name":"mic","offset":12,\
      "media_external_location":null,"status_callback":null,"status_callback_method":null,\
      "encryption_key":null,\
      "url":"http://localhost:8080/v1/Recordings/RT00000000000000000000000000000001",\
      "links":{"media":\
      "http://localhost:8080/v1/Recordings/RT00000000000000000000000000000001/Media"}}""";

  @Test
  void shouldRenderARecordingExactlyAsTheContractVector() {
    Map<String, String> grouping = new LinkedHashMap<>();
    grouping.put("room_sid", "RMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    grouping.put("participant_sid", "PAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
    Recording recording =
        new Recording(
            "RT00000000000000000000000000000001",
            "AC11111111111111111111111111111111",
            RecordingStatus.COMPLETED,
            Instant.parse("2026-01-01T10:00:00Z"),
            Instant.parse("2026-01-01T10:05:00Z"),
            null,
            "MTdddddddddddddddddddddddddddddddd",
            4096L,
            MediaType.AUDIO,
            300L,
            ContainerFormat.MKA,
            Codec.OPUS,
            grouping,
            "mic",
            12L,
            null,
            null,
            null,
            null);

    String json =
        new String(
            JsonBodies.recording(recording, "http://localhost:8080"), StandardCharsets.UTF_8);

    assertThat(json).isEqualTo(EXPECTED);
  }

  @Test
  void shouldWriteNullsForEveryFieldNoEventReportedAndStillValidate() throws Exception {
    Recording bare =
        new Recording(
            "RT00000000000000000000000000000002",
            "AC11111111111111111111111111111111",
            RecordingStatus.PROCESSING,
            Instant.parse("2026-01-01T10:00:00.900Z"),
            Instant.parse("2026-01-01T10:00:00.900Z"),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            Map.of(),
            null,
            null,
            null,
            null,
            null,
            null);

    var node = new ObjectMapper().readTree(JsonBodies.recording(bare, "https://api.example.com"));

    assertThat(node.get("date_created").asText()).isEqualTo("2026-01-01T10:00:00Z");
    assertThat(node.get("grouping_sids").isNull()).isTrue();
    assertThat(node.get("codec").isNull()).isTrue();
    assertThat(node.get("size").isNull()).isTrue();
    assertThat(TwilioSchemas.validateRecording(node)).isEmpty();
  }

  @Test
  void shouldWriteTwilioErrorShape() throws Exception {
    var node = new ObjectMapper().readTree(JsonBodies.error(400, 20001, "Status: bad"));

    assertThat(List.copyOf(iterable(node.fieldNames())))
        .containsExactly("code", "message", "more_info", "status");
    assertThat(node.get("more_info").asText())
        .isEqualTo("https://www.twilio.com/docs/errors/20001");
    assertThat(node.get("status").asInt()).isEqualTo(400);
  }

  private static List<String> iterable(java.util.Iterator<String> names) {
    List<String> list = new java.util.ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }
}
