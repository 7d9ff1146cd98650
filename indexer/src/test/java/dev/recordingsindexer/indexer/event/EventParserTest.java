package dev.recordingsindexer.indexer.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recordingsindexer.indexer.model.Codec;
import dev.recordingsindexer.indexer.model.ContainerFormat;
import dev.recordingsindexer.indexer.model.MediaType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The accepting side of the parser: what valid events look like once read. */
class EventParserTest {

  private final EventParser parser = new EventParser();

  @Test
  void shouldReadTheRequiredMembersAndLeaveEveryOptionalOneAbsent() {
    RecordingEvent event = valid(EventJson.minimal());

    assertThat(event.type()).isEqualTo(EventType.STARTED);
    assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
    assertThat(event.accountSid()).isEqualTo(EventJson.ACCOUNT);
    assertThat(event.recordingSid()).isEqualTo(EventJson.RECORDING);
    assertThat(event.sequenceNumber()).isEqualTo(RecordingEvent.NO_SEQUENCE);
    assertThat(event.groupingSids()).isEmpty();
    assertThat(event)
        .extracting(
            RecordingEvent::dateCreated,
            RecordingEvent::sourceSid,
            RecordingEvent::trackName,
            RecordingEvent::mediaType,
            RecordingEvent::codec,
            RecordingEvent::containerFormat,
            RecordingEvent::size,
            RecordingEvent::duration,
            RecordingEvent::offset,
            RecordingEvent::mediaExternalLocation,
            RecordingEvent::statusCallback,
            RecordingEvent::statusCallbackMethod,
            RecordingEvent::encryptionKey)
        .containsOnlyNulls();
  }

  @Test
  void shouldReadEveryMemberOfTheContractTable() {
    RecordingEvent event =
        valid(
            EventJson.minimal()
                .withText("event_type", "recording-completed")
                .with("sequence_number", "7")
                .withText("source_sid", "MTdddddddddddddddddddddddddddddddd")
                .with(
                    "grouping_sids",
                    "{\"room_sid\": \"RMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\","
                        + " \"participant_sid\": \"PAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\"}")
                .withText("track_name", "mic")
                .withText("type", "video")
                .withText("codec", "H264")
                .withText("container_format", "mkv")
                .with("size", "4096")
                .with("duration", "300")
                .with("offset", "-12")
                .withText("media_external_location", "https://example.com/media/1.mkv")
                .withText("status_callback", "https://example.com/callback")
                .withText("status_callback_method", "POST")
                .withText("encryption_key", "secret")
                .withText("date_created", "2026-01-01T09:59:59.5Z"));

    assertThat(event.type()).isEqualTo(EventType.COMPLETED);
    assertThat(event.sequenceNumber()).isEqualTo(7);
    assertThat(event.sourceSid()).isEqualTo("MTdddddddddddddddddddddddddddddddd");
    assertThat(event.groupingSids())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "room_sid", "RMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "participant_sid", "PAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"));
    assertThat(event.trackName()).isEqualTo("mic");
    assertThat(event.mediaType()).isEqualTo(MediaType.VIDEO);
    assertThat(event.codec()).isEqualTo(Codec.H264);
    assertThat(event.containerFormat()).isEqualTo(ContainerFormat.MKV);
    assertThat(event.size()).isEqualTo(4096L);
    assertThat(event.duration()).isEqualTo(300L);
    assertThat(event.offset()).isEqualTo(-12L);
    assertThat(event.mediaExternalLocation()).isEqualTo("https://example.com/media/1.mkv");
    assertThat(event.statusCallback()).isEqualTo("https://example.com/callback");
    assertThat(event.statusCallbackMethod()).isEqualTo("POST");
    assertThat(event.encryptionKey()).isEqualTo("secret");
    assertThat(event.dateCreated()).isEqualTo(Instant.parse("2026-01-01T09:59:59.500Z"));
  }

  @ParameterizedTest(name = "event_type {0}")
  @ValueSource(
      strings = {
        "recording-started",
        "recording-completed",
        "recording-failed",
        "recording-deleted"
      })
  void shouldAcceptEachEventType(String wire) {
    assertThat(valid(EventJson.minimal().withText("event_type", wire)).type().wire())
        .isEqualTo(wire);
  }

  @Test
  void shouldTreatAMemberWithJsonNullAsAbsent() {
    RecordingEvent event =
        valid(
            EventJson.minimal()
                .with("track_name", "null")
                .with("size", "null")
                .with("grouping_sids", "null")
                .with("sequence_number", "null"));

    assertThat(event.trackName()).isNull();
    assertThat(event.size()).isNull();
    assertThat(event.groupingSids()).isEmpty();
    assertThat(event.sequenceNumber()).isEqualTo(RecordingEvent.NO_SEQUENCE);
  }

  @Test
  void shouldTreatANullGroupingMemberAsAbsent() {
    RecordingEvent event =
        valid(
            EventJson.minimal()
                .with(
                    "grouping_sids",
                    "{\"room_sid\": \"RMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\", \"participant_sid\": null}"));

    assertThat(event.groupingSids()).containsOnlyKeys("room_sid");
  }

  @Test
  void shouldIgnoreUnknownMembersWhateverTheirShape() {
    RecordingEvent event =
        valid(
            EventJson.minimal()
                .withText("colour", "blue")
                .with("nested", "{\"a\": [1, 2, {\"b\": null}], \"c\": 1.5e300}")
                .with("list", "[true, false, \"x\"]"));

    assertThat(event.recordingSid()).isEqualTo(EventJson.RECORDING);
  }

  @ParameterizedTest(name = "codec {0}")
  @ValueSource(strings = {"opus", "Opus", "OPUS", "oPuS"})
  void shouldAcceptTheCodecInAnyLetterCase(String spelling) {
    assertThat(valid(EventJson.minimal().withText("codec", spelling)).codec())
        .isEqualTo(Codec.OPUS);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "2026-01-01T10:00:00Z|2026-01-01T10:00:00Z",
        "2026-01-01T10:00:00.1Z|2026-01-01T10:00:00.100Z",
        "2026-01-01T10:00:00.123456789Z|2026-01-01T10:00:00.123456789Z",
        "2026-01-01T08:00:00+18:00|2025-12-31T14:00:00Z",
        "0000-01-01T00:00:00Z|0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999999999Z|9999-12-31T23:59:59.999999999Z",
        "2026-01-01T11:30:00+01:30|2026-01-01T10:00:00Z",
        "2026-01-01T05:00:00.250-05:00|2026-01-01T10:00:00.250Z",
        "2026-01-01t10:00:00z|2026-01-01T10:00:00Z",
        "2024-02-29T23:59:59+00:00|2024-02-29T23:59:59Z"
      })
  void shouldReadRfc3339TimestampsWithAnyOffsetAndFraction(String sentAndMeant) {
    String[] parts = sentAndMeant.split("\\|");

    RecordingEvent event = valid(EventJson.minimal().withText("timestamp", parts[0]));

    assertThat(event.timestamp()).isEqualTo(Instant.parse(parts[1]));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"0", "9223372036854775807", "2.0", "1e3", "12.50e1"})
  void shouldAcceptAnyIntegralNumberThatFitsALong(String number) {
    RecordingEvent event = valid(EventJson.minimal().with("size", number));

    assertThat(event.size()).isEqualTo(new BigDecimal(number).longValueExact());
  }

  @Test
  void shouldAcceptANegativeOffset() {
    assertThat(valid(EventJson.minimal().with("offset", "-9223372036854775808")).offset())
        .isEqualTo(Long.MIN_VALUE);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"GET", "POST"})
  void shouldAcceptBothStatusCallbackMethods(String method) {
    assertThat(
            valid(EventJson.minimal().withText("status_callback_method", method))
                .statusCallbackMethod())
        .isEqualTo(method);
  }

  @Test
  void shouldAcceptAnyAbsoluteUri() {
    RecordingEvent event =
        valid(
            EventJson.minimal()
                .withText("media_external_location", "s3://bucket/key?x=1")
                .withText("status_callback", "urn:example:callback"));

    assertThat(event.mediaExternalLocation()).isEqualTo("s3://bucket/key?x=1");
    assertThat(event.statusCallback()).isEqualTo("urn:example:callback");
  }

  @Test
  void shouldAcceptWhitespaceAndAUtf8ByteOrderMarkAroundTheObject() {
    byte[] text = (" \n" + EventJson.minimal().text() + "\r\n\t ").getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[text.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, withBom, 3, text.length);

    assertThat(parser.parse(text)).isInstanceOf(ParseResult.Valid.class);
    assertThat(parser.parse(withBom)).isInstanceOf(ParseResult.Valid.class);
  }

  @Test
  void shouldKeepNonAsciiTextExactly() {
    RecordingEvent event =
        valid(EventJson.minimal().withText("track_name", "micro \u00e9\u4e2d \ud83c\udfa4"));

    assertThat(event.trackName()).isEqualTo("micro é中 🎤");
  }

  private RecordingEvent valid(EventJson json) {
    ParseResult result = parser.parse(json.bytes());
    assertThat(result).as("parse of %s", json.text()).isInstanceOf(ParseResult.Valid.class);
    return ((ParseResult.Valid) result).event();
  }
}
