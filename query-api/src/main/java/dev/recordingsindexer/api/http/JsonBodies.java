package dev.recordingsindexer.api.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.recordingsindexer.indexer.model.Recording;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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

  /** A 50-recording page is about 48 KiB: start big enough that most bodies never regrow. */
  private static final int INITIAL_BUFFER_BYTES = 16 * 1024;

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
    writeString(json, Field.ACCOUNT_SID, r.accountSid());
    writeString(json, Field.STATUS, r.status().wire());
    writeString(json, Field.DATE_CREATED, TwilioDates.format(r.dateCreated()));
    writeString(json, Field.DATE_UPDATED, TwilioDates.format(r.dateUpdated()));
    writeString(json, Field.DATE_DELETED, TwilioDates.format(r.dateDeleted()));
    writeString(json, Field.SID, r.sid());
    writeString(json, Field.SOURCE_SID, r.sourceSid());
    writeNumber(json, Field.SIZE, r.size());
    writeString(json, Field.TYPE, r.type() == null ? null : r.type().wire());
    writeNumber(json, Field.DURATION, r.duration());
    writeString(
        json,
        Field.CONTAINER_FORMAT,
        r.containerFormat() == null ? null : r.containerFormat().wire());
    writeString(json, Field.CODEC, r.codec() == null ? null : r.codec().wire());
    writeGroupingSids(json, r.groupingSids());
    writeString(json, Field.TRACK_NAME, r.trackName());
    writeNumber(json, Field.OFFSET, r.offset());
    writeString(json, Field.MEDIA_EXTERNAL_LOCATION, r.mediaExternalLocation());
    writeString(json, Field.STATUS_CALLBACK, r.statusCallback());
    writeString(json, Field.STATUS_CALLBACK_METHOD, r.statusCallbackMethod());
    writeString(json, Field.ENCRYPTION_KEY, r.encryptionKey());
    writeString(json, Field.URL, url);
    json.writeFieldName(Field.LINKS);
    json.writeStartObject();
    writeString(json, Field.MEDIA, url + "/Media");
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void writeGroupingSids(JsonGenerator json, Map<String, String> groupingSids)
      throws IOException {
    json.writeFieldName(Field.GROUPING_SIDS);
    if (groupingSids.isEmpty()) {
      json.writeNull();
      return;
    }
    json.writeStartObject();
    for (Map.Entry<String, String> member : groupingSids.entrySet()) {
      json.writeStringField(member.getKey(), member.getValue());
    }
    json.writeEndObject();
  }

  private static void writeString(JsonGenerator json, SerializableString name, String value)
      throws IOException {
    json.writeFieldName(name);
    if (value == null) {
      json.writeNull();
    } else {
      json.writeString(value);
    }
  }

  private static void writeNumber(JsonGenerator json, SerializableString name, Long value)
      throws IOException {
    json.writeFieldName(name);
    if (value == null) {
      json.writeNull();
    } else {
      json.writeNumber(value.longValue());
    }
  }

  private static byte[] write(JsonWriting body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(INITIAL_BUFFER_BYTES);
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      body.writeTo(json);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a JSON body", e);
    }
    return out.toByteArray();
  }

  /**
   * A recording's field names, quoted and encoded once: a page writes 1,300 of them, and the
   * generator would otherwise check each for characters to escape every time.
   */
  private static final class Field {
    static final SerializableString ACCOUNT_SID = new SerializedString("account_sid");
    static final SerializableString STATUS = new SerializedString("status");
    static final SerializableString DATE_CREATED = new SerializedString("date_created");
    static final SerializableString DATE_UPDATED = new SerializedString("date_updated");
    static final SerializableString DATE_DELETED = new SerializedString("date_deleted");
    static final SerializableString SID = new SerializedString("sid");
    static final SerializableString SOURCE_SID = new SerializedString("source_sid");
    static final SerializableString SIZE = new SerializedString("size");
    static final SerializableString TYPE = new SerializedString("type");
    static final SerializableString DURATION = new SerializedString("duration");
    static final SerializableString CONTAINER_FORMAT = new SerializedString("container_format");
    static final SerializableString CODEC = new SerializedString("codec");
    static final SerializableString GROUPING_SIDS = new SerializedString("grouping_sids");
    static final SerializableString TRACK_NAME = new SerializedString("track_name");
    static final SerializableString OFFSET = new SerializedString("offset");
    static final SerializableString MEDIA_EXTERNAL_LOCATION =
        new SerializedString("media_external_location");
    static final SerializableString STATUS_CALLBACK = new SerializedString("status_callback");
    static final SerializableString STATUS_CALLBACK_METHOD =
        new SerializedString("status_callback_method");
    static final SerializableString ENCRYPTION_KEY = new SerializedString("encryption_key");
    static final SerializableString URL = new SerializedString("url");
    static final SerializableString LINKS = new SerializedString("links");
    static final SerializableString MEDIA = new SerializedString("media");

    private Field() {}
  }

  /** A body written onto a generator. */
  @FunctionalInterface
  private interface JsonWriting {
    void writeTo(JsonGenerator json) throws IOException;
  }
}
