package dev.recordingsindexer.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TwilioSchemasTest {

  private static final String BASE = "http://localhost:8080/v1/Recordings";

  @Test
  void shouldAcceptEveryExpectedRecordingOfTheContractVectors() {
    List<JsonNode> recordings = Vectors.expectedRecordings();

    assertThat(recordings).hasSizeGreaterThan(10);
    for (JsonNode recording : recordings) {
      assertThat(TwilioSchemas.validateRecording(recording)).as(recording.toString()).isEmpty();
    }
  }

  @Test
  void shouldAcceptTheExpectedRecordingsWrappedInAListResponseWithACompleteMeta() {
    ObjectNode body = listResponse(Vectors.expectedRecordings());

    assertThat(TwilioSchemas.validateListResponse(body)).isEmpty();
  }

  @Test
  void shouldAcceptAnEmptyLastPageWithNullLinks() {
    ObjectNode body = listResponse(List.of());
    meta(body).put("page", 3).put("previous_page_url", BASE + "?PageSize=50&Page=2&PageToken=x");

    assertThat(TwilioSchemas.validateListResponse(body)).isEmpty();
  }

  @Test
  void shouldAcceptTwilioOwnEmptyListExample() {
    JsonNode example =
        ClasspathResources.json(TwilioSchemaDocument.RESOURCE)
            .at(
                "/paths/~1v1~1Recordings/get/responses/200/content/application~1json/examples"
                    + "/readEmpty/value");

    assertThat(example.isObject()).isTrue();
    assertThat(TwilioSchemas.validateListResponse(example)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "key",
        "page",
        "page_size",
        "url",
        "first_page_url",
        "next_page_url",
        "previous_page_url"
      })
  void shouldRejectAListResponseMissingAMetaKey(String key) {
    ObjectNode body = listResponse(Vectors.expectedRecordings());
    meta(body).remove(key);

    assertThat(TwilioSchemas.validateListResponse(body))
        .singleElement()
        .asString()
        .contains("$.meta", "'" + key + "'");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"recordings", "meta"})
  void shouldRejectAListResponseMissingATopLevelKey(String key) {
    ObjectNode body = listResponse(Vectors.expectedRecordings());
    body.remove(key);

    assertThat(TwilioSchemas.validateListResponse(body)).singleElement().asString().contains(key);
  }

  static Stream<Arguments> invalidMeta() {
    return Stream.of(
        arguments("url", "\"/v1/Recordings?PageSize=50&Page=0\"", "relative url"),
        arguments("url", "null", "null url"),
        arguments("first_page_url", "\"v1/Recordings\"", "relative first page"),
        arguments("next_page_url", "\"/v1/Recordings?Page=1\"", "relative next page"),
        arguments("previous_page_url", "\"?Page=0\"", "relative previous page"),
        arguments("key", "\"items\"", "wrong key"),
        arguments("page", "-1", "negative page"),
        arguments("page", "\"0\"", "page as a string"),
        arguments("page_size", "0", "page size 0"),
        arguments("page_size", "101", "page size above 100"));
  }

  @ParameterizedTest(name = "meta.{0} = {1} ({2})")
  @MethodSource("invalidMeta")
  void shouldRejectAnInvalidMetaValue(String key, String json, String why) {
    ObjectNode body = listResponse(Vectors.expectedRecordings());
    meta(body).set(key, Vectors.parse(json));

    assertThat(TwilioSchemas.validateListResponse(body))
        .as(why)
        .isNotEmpty()
        .allMatch(violation -> violation.startsWith("$.meta." + key));
  }

  static Stream<Arguments> invalidRecordingFields() {
    return Stream.of(
        arguments("status", "\"stopped\"", "unknown status"),
        arguments("status", "null", "null status"),
        arguments("url", "\"/v1/Recordings/RT00000000000000000000000000000001\"", "relative url"),
        arguments("url", "null", "null url (Twilio declares it nullable, the contract does not)"),
        arguments("sid", "\"RT123\"", "bad sid"),
        arguments("sid", "null", "null sid"),
        arguments("account_sid", "null", "null account sid"),
        arguments("date_created", "null", "null date_created"),
        arguments("date_updated", "null", "null date_updated"),
        arguments("links", "null", "null links"),
        arguments("account_sid", "\"AC123\"", "bad account sid"),
        arguments("source_sid", "\"MT\"", "bad source sid"),
        arguments("codec", "\"opus\"", "codec not in the enum's spelling"),
        arguments("type", "\"hologram\"", "unknown type"),
        arguments("container_format", "\"mp4\"", "unknown container"),
        arguments("status_callback_method", "\"PUT\"", "unknown method"),
        arguments("status_callback", "\"callback\"", "relative callback"),
        arguments("media_external_location", "\"bucket/path\"", "relative location"),
        arguments("size", "\"4096\"", "size as a string"),
        arguments("duration", "1.5", "fractional duration"),
        arguments("date_created", "\"2026-01-01T10:00:00.250Z\"", "fraction of a second"),
        arguments("date_created", "\"2026-01-01T11:00:00+01:00\"", "not UTC"),
        arguments("date_updated", "\"yesterday\"", "not a date"),
        arguments("date_deleted", "\"2026-13-01T10:00:00Z\"", "month 13"),
        arguments("grouping_sids", "\"RMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"", "not an object"),
        arguments("links", "{}", "no media link"),
        arguments("links", "{\"media\": \"/Media\"}", "relative media link"),
        arguments("encryption_key", "5", "number"));
  }

  @ParameterizedTest(name = "{0} = {1} ({2})")
  @MethodSource("invalidRecordingFields")
  void shouldRejectARecordingWithAnInvalidField(String field, String json, String why) {
    ObjectNode recording = firstRecording();
    recording.set(field, Vectors.parse(json));

    assertThat(TwilioSchemas.validateRecording(recording))
        .as(why)
        .isNotEmpty()
        .allMatch(violation -> violation.startsWith("$." + field));
    assertThat(TwilioSchemas.validateListResponse(listResponse(List.of(recording))))
        .isNotEmpty()
        .allMatch(violation -> violation.startsWith("$.recordings[0]." + field));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "account_sid",
        "status",
        "date_created",
        "date_updated",
        "date_deleted",
        "sid",
        "source_sid",
        "size",
        "url",
        "type",
        "duration",
        "container_format",
        "codec",
        "grouping_sids",
        "track_name",
        "offset",
        "media_external_location",
        "status_callback",
        "status_callback_method",
        "encryption_key",
        "links"
      })
  void shouldRejectARecordingMissingAField(String field) {
    ObjectNode recording = firstRecording();
    recording.remove(field);

    assertThat(TwilioSchemas.validateRecording(recording))
        .singleElement()
        .asString()
        .contains("required property '" + field + "'");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "type",
        "codec",
        "container_format",
        "grouping_sids",
        "source_sid",
        "size",
        "duration",
        "track_name",
        "offset",
        "date_deleted",
        "encryption_key",
        "media_external_location",
        "status_callback",
        "status_callback_method"
      })
  void shouldAcceptNullWhereTheContractAllowsIt(String field) {
    ObjectNode recording = firstRecording();
    recording.putNull(field);

    assertThat(TwilioSchemas.validateRecording(recording)).isEmpty();
  }

  @Test
  void shouldAcceptUnknownPropertiesBecauseTwilioDeclaresNoAdditionalPropertiesRule() {
    ObjectNode recording = firstRecording();
    recording.put("future_field", "x");
    ObjectNode body = listResponse(List.of(recording));
    body.put("extra", 1);

    assertThat(TwilioSchemas.validateListResponse(body)).isEmpty();
  }

  @Test
  void shouldGiveTheSameAnswersFromManyThreads() throws Exception {
    ObjectNode good = listResponse(Vectors.expectedRecordings());
    ObjectNode bad = listResponse(Vectors.expectedRecordings());
    meta(bad).remove("url");
    List<Callable<Boolean>> tasks = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      tasks.add(
          () ->
              TwilioSchemas.validateListResponse(good).isEmpty()
                  && TwilioSchemas.validateListResponse(bad).size() == 1);
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (Future<Boolean> result : pool.invokeAll(tasks)) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void shouldNotModifyTheTwilioFile() {
    JsonNode original = ClasspathResources.json(TwilioSchemaDocument.RESOURCE);

    assertThat(
            original
                .at("/components/schemas/video.v1.recording/properties/grouping_sids")
                .has("type"))
        .isFalse();
    assertThat(TwilioSchemas.document().at("/$defs/video.v1.recording/required").size())
        .isEqualTo(21);
  }

  private static ObjectNode firstRecording() {
    return (ObjectNode) Vectors.expectedRecordings().get(0).deepCopy();
  }

  private static ObjectNode meta(ObjectNode body) {
    return (ObjectNode) body.get("meta");
  }

  private static ObjectNode listResponse(List<JsonNode> recordings) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ArrayNode array = body.putArray("recordings");
    recordings.forEach(array::add);
    body.putObject("meta")
        .put("key", "recordings")
        .put("page", 0)
        .put("page_size", 50)
        .put("url", BASE + "?PageSize=50&Page=0")
        .put("first_page_url", BASE + "?PageSize=50&Page=0")
        .putNull("next_page_url")
        .putNull("previous_page_url");
    return body;
  }
}
