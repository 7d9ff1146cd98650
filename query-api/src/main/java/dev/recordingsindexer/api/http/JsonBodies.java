package dev.recordingsindexer.api.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.recordingsindexer.indexer.model.Recording;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes every response body in Twilio's field order and spelling: recordings as {@code
 * video.v1.recording} (plus {@code date_updated}, {@code date_deleted}, {@code encryption_key} and
 * {@code links.media}), the list envelope with all seven {@code meta} keys, and Twilio's error
 * object. Fields never reported are written as null.
 *
 * <p>Recordings and list pages, the bodies written most often (a page is about 40 KB), are written
 * into a {@link JsonBytes} with pre-encoded field names: the same bytes as Jackson's generator in
 * about four fifths of its time and two thirds of its garbage ({@code PageRenderBenchmark}). The
 * rest go through Jackson's streaming generator.
 */
final class JsonBodies {

  private static final JsonFactory FACTORY = new JsonFactory();

  /**
   * Room for one recording (about 800-960 bytes with two grouping SIDs and a long base URL): a body
   * starts big enough that most never regrow.
   */
  private static final int RECORDING_BYTES = 1024;

  /** Room for a list page's envelope and its {@code meta} links. */
  private static final int ENVELOPE_BYTES = 2048;

  private JsonBodies() {}

  /** One recording, as {@code GET /v1/Recordings/{Sid}} answers it. */
  static byte[] recording(Recording recording, String baseUrl) {
    JsonBytes json = new JsonBytes(RECORDING_BYTES);
    writeRecording(json, recording, recordingsUrl(baseUrl));
    return json.toByteArray();
  }

  /** A list page: {@code {"recordings": [...], "meta": {...}}}. */
  static byte[] list(List<Recording> recordings, String baseUrl, ListLinks.Meta meta) {
    JsonBytes json = new JsonBytes(ENVELOPE_BYTES + recordings.size() * RECORDING_BYTES);
    byte[] recordingsUrl = recordingsUrl(baseUrl);
    json.raw(Field.LIST_START);
    for (int i = 0; i < recordings.size(); i++) {
      if (i > 0) {
        json.raw(',');
      }
      writeRecording(json, recordings.get(i), recordingsUrl);
    }
    json.raw(Field.META_START).number(meta.page());
    json.raw(Field.PAGE_SIZE).number(meta.pageSize());
    json.raw(Field.META_URL).string(meta.url());
    json.raw(Field.FIRST_PAGE_URL).string(meta.firstPageUrl());
    json.raw(Field.NEXT_PAGE_URL).string(meta.nextPageUrl());
    json.raw(Field.PREVIOUS_PAGE_URL).string(meta.previousPageUrl());
    return json.raw(Field.LIST_END).toByteArray();
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

  /** {@code baseUrl/v1/Recordings/}, escaped as the content of a JSON string. */
  private static byte[] recordingsUrl(String baseUrl) {
    return new JsonBytes(baseUrl.length() + 16).content(baseUrl + "/v1/Recordings/").toByteArray();
  }

  private static void writeRecording(JsonBytes json, Recording r, byte[] recordingsUrl) {
    json.raw(Field.ACCOUNT_SID).string(r.accountSid());
    json.raw(Field.STATUS).string(r.status().wire());
    json.raw(Field.DATE_CREATED).date(r.dateCreated());
    json.raw(Field.DATE_UPDATED).date(r.dateUpdated());
    json.raw(Field.DATE_DELETED).date(r.dateDeleted());
    json.raw(Field.SID).string(r.sid());
    json.raw(Field.SOURCE_SID).string(r.sourceSid());
    json.raw(Field.SIZE).number(r.size());
    json.raw(Field.TYPE).string(r.type() == null ? null : r.type().wire());
    json.raw(Field.DURATION).number(r.duration());
    json.raw(Field.CONTAINER_FORMAT)
        .string(r.containerFormat() == null ? null : r.containerFormat().wire());
    json.raw(Field.CODEC).string(r.codec() == null ? null : r.codec().wire());
    json.raw(Field.GROUPING_SIDS);
    writeGroupingSids(json, r.groupingSids());
    json.raw(Field.TRACK_NAME).string(r.trackName());
    json.raw(Field.OFFSET).number(r.offset());
    json.raw(Field.MEDIA_EXTERNAL_LOCATION).string(r.mediaExternalLocation());
    json.raw(Field.STATUS_CALLBACK).string(r.statusCallback());
    json.raw(Field.STATUS_CALLBACK_METHOD).string(r.statusCallbackMethod());
    json.raw(Field.ENCRYPTION_KEY).string(r.encryptionKey());
    json.raw(Field.URL).raw('"').raw(recordingsUrl).content(r.sid()).raw('"');
    json.raw(Field.MEDIA).raw('"').raw(recordingsUrl).content(r.sid()).raw(Field.MEDIA_END);
  }

  private static void writeGroupingSids(JsonBytes json, Map<String, String> groupingSids) {
    if (groupingSids.isEmpty()) {
      json.string(null);
      return;
    }
    char separator = '{';
    for (Map.Entry<String, String> member : groupingSids.entrySet()) {
      json.raw(separator).string(member.getKey()).raw(':').string(member.getValue());
      separator = ',';
    }
    json.raw('}');
  }

  private static byte[] write(JsonWriting body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      body.writeTo(json);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a JSON body", e);
    }
    return out.toByteArray();
  }

  /**
   * The JSON between a recording's values, and around a page's: each field name quoted and encoded
   * once, with the punctuation before it. A page writes 1,300 of them.
   */
  private static final class Field {
    static final byte[] ACCOUNT_SID = ascii("{\"account_sid\":");
    static final byte[] STATUS = ascii(",\"status\":");
    static final byte[] DATE_CREATED = ascii(",\"date_created\":");
    static final byte[] DATE_UPDATED = ascii(",\"date_updated\":");
    static final byte[] DATE_DELETED = ascii(",\"date_deleted\":");
    static final byte[] SID = ascii(",\"sid\":");
    static final byte[] SOURCE_SID = ascii(",\"source_sid\":");
    static final byte[] SIZE = ascii(",\"size\":");
    static final byte[] TYPE = ascii(",\"type\":");
    static final byte[] DURATION = ascii(",\"duration\":");
    static final byte[] CONTAINER_FORMAT = ascii(",\"container_format\":");
    static final byte[] CODEC = ascii(",\"codec\":");
    static final byte[] GROUPING_SIDS = ascii(",\"grouping_sids\":");
    static final byte[] TRACK_NAME = ascii(",\"track_name\":");
    static final byte[] OFFSET = ascii(",\"offset\":");
    static final byte[] MEDIA_EXTERNAL_LOCATION = ascii(",\"media_external_location\":");
    static final byte[] STATUS_CALLBACK = ascii(",\"status_callback\":");
    static final byte[] STATUS_CALLBACK_METHOD = ascii(",\"status_callback_method\":");
    static final byte[] ENCRYPTION_KEY = ascii(",\"encryption_key\":");
    static final byte[] URL = ascii(",\"url\":");
    static final byte[] MEDIA = ascii(",\"links\":{\"media\":");
    static final byte[] MEDIA_END = ascii("/Media\"}}");

    static final byte[] LIST_START = ascii("{\"recordings\":[");
    static final byte[] META_START = ascii("],\"meta\":{\"key\":\"recordings\",\"page\":");
    static final byte[] PAGE_SIZE = ascii(",\"page_size\":");
    static final byte[] META_URL = ascii(",\"url\":");
    static final byte[] FIRST_PAGE_URL = ascii(",\"first_page_url\":");
    static final byte[] NEXT_PAGE_URL = ascii(",\"next_page_url\":");
    static final byte[] PREVIOUS_PAGE_URL = ascii(",\"previous_page_url\":");
    static final byte[] LIST_END = ascii("}}");

    private Field() {}

    private static byte[] ascii(String json) {
      return json.getBytes(StandardCharsets.US_ASCII);
    }
  }

  /** A body written onto a generator. */
  @FunctionalInterface
  private interface JsonWriting {
    void writeTo(JsonGenerator json) throws IOException;
  }
}
