package dev.recordingsindexer.api.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.recordingsindexer.indexer.model.Recording;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Writes every response body with Jackson's streaming generator, in Twilio's field order and
 * spelling: recordings as {@code video.v1.recording} (plus {@code date_updated}, {@code
 * date_deleted}, {@code encryption_key} and {@code links.media}), the list envelope with all seven
 * {@code meta} keys, and Twilio's error object. Fields never reported are written as null.
 */
final class JsonBodies {

  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonBodies() {}

  /** One recording, as {@code GET /v1/Recordings/{Sid}} answers it. */
  static byte[] recording(Recording recording, String baseUrl) {
    return write(json -> writeRecording(json, recording, baseUrl));
  }

  /** A list page: {@code {"recordings": [...], "meta": {...}}}. */
  static byte[] list(List<Recording> recordings, String baseUrl, ListLinks.Meta meta) {
    return write(
        json -> {
          json.writeStartObject();
          json.writeArrayFieldStart("recordings");
          for (Recording recording : recordings) {
            writeRecording(json, recording, baseUrl);
          }
          json.writeEndArray();
          json.writeObjectFieldStart("meta");
          json.writeStringField("key", "recordings");
          json.writeNumberField("page", meta.page());
          json.writeNumberField("page_size", meta.pageSize());
          json.writeStringField("url", meta.url());
          json.writeStringField("first_page_url", meta.firstPageUrl());
          json.writeStringField("next_page_url", meta.nextPageUrl());
          json.writeStringField("previous_page_url", meta.previousPageUrl());
          json.writeEndObject();
          json.writeEndObject();
        });
  }

  /** Twilio's error object for an {@link ApiException}. */
  static byte[] error(int status, int code, String message) {
    return write(
        json -> {
          json.writeStartObject();
          json.writeNumberField("code", code);
          json.writeStringField("message", message);
          json.writeStringField("more_info", "https://www.twilio.com/docs/errors/" + code);
          json.writeNumberField("status", status);
          json.writeEndObject();
        });
  }

  /** A flat object of string fields, in the map's order (operations endpoints). */
  static byte[] fields(Map<String, String> fields) {
    return write(
        json -> {
          json.writeStartObject();
          for (Map.Entry<String, String> field : fields.entrySet()) {
            json.writeStringField(field.getKey(), field.getValue());
          }
          json.writeEndObject();
        });
  }

  private static void writeRecording(JsonGenerator json, Recording r, String baseUrl)
      throws IOException {
    String url = baseUrl + "/v1/Recordings/" + r.sid();
    json.writeStartObject();
    json.writeStringField("account_sid", r.accountSid());
    json.writeStringField("status", r.status().wire());
    json.writeStringField("date_created", date(r.dateCreated()));
    json.writeStringField("date_updated", date(r.dateUpdated()));
    json.writeStringField("date_deleted", date(r.dateDeleted()));
    json.writeStringField("sid", r.sid());
    json.writeStringField("source_sid", r.sourceSid());
    writeNumber(json, "size", r.size());
    json.writeStringField("type", r.type() == null ? null : r.type().wire());
    writeNumber(json, "duration", r.duration());
    json.writeStringField(
        "container_format", r.containerFormat() == null ? null : r.containerFormat().wire());
    json.writeStringField("codec", r.codec() == null ? null : r.codec().wire());
    writeGroupingSids(json, r.groupingSids());
    json.writeStringField("track_name", r.trackName());
    writeNumber(json, "offset", r.offset());
    json.writeStringField("media_external_location", r.mediaExternalLocation());
    json.writeStringField("status_callback", r.statusCallback());
    json.writeStringField("status_callback_method", r.statusCallbackMethod());
    json.writeStringField("encryption_key", r.encryptionKey());
    json.writeStringField("url", url);
    json.writeObjectFieldStart("links");
    json.writeStringField("media", url + "/Media");
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void writeGroupingSids(JsonGenerator json, Map<String, String> groupingSids)
      throws IOException {
    if (groupingSids.isEmpty()) {
      json.writeNullField("grouping_sids");
      return;
    }
    json.writeObjectFieldStart("grouping_sids");
    for (Map.Entry<String, String> member : groupingSids.entrySet()) {
      json.writeStringField(member.getKey(), member.getValue());
    }
    json.writeEndObject();
  }

  private static void writeNumber(JsonGenerator json, String name, Long value) throws IOException {
    if (value == null) {
      json.writeNullField(name);
    } else {
      json.writeNumberField(name, value.longValue());
    }
  }

  private static String date(Instant instant) {
    return instant == null
        ? null
        : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  private static byte[] write(JsonWriting body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      body.writeTo(json);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a JSON body", e);
    }
    return out.toByteArray();
  }

  /** A body written onto a generator. */
  @FunctionalInterface
  private interface JsonWriting {
    void writeTo(JsonGenerator json) throws IOException;
  }
}
