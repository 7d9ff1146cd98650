package dev.recordingsindexer.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.recordingsindexer.indexer.model.Codec;
import dev.recordingsindexer.indexer.model.ContainerFormat;
import dev.recordingsindexer.indexer.model.MediaType;
import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.RecordingStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonBodies} writes recordings and pages by hand; this checks, over seeded random
 * recordings with every kind of character (controls, quotes, backslashes, non-ASCII, surrogate
 * pairs and lone surrogates), random nulls and dates of any year, that the bytes are exactly what
 * Jackson's generator writes for the same fields in the same order, which is how they were written
 * before.
 */
class JsonBodiesJacksonTest {

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final String[] PIECES = {
    "a",
    "Z",
    "0",
    " ",
    "\"",
    "\\",
    "/",
    "\n",
    "\t",
    "\r",
    "\b",
    "\f",
    "\u0000",
    "\u001f",
    "\u007f",
    "\u0080",
    "\u00e9",
    "\u07ff",
    "\u0800",
    "\u4e2d",
    "\uffff",
    "\ud83c\udfa4",
    "\ud800",
    "\udfff",
    "RT",
    "%",
    "<",
    "&"
  };

  @Test
  void shouldWriteTheSameBytesAsJacksonForRandomRecordingsAndPages() {
    SplittableRandom random = new SplittableRandom(20261128L);
    for (int round = 0; round < 2_000; round++) {
      String base = random.nextInt(4) == 0 ? "http://h" + text(random) : "https://api.example.com";
      List<Recording> page = new ArrayList<>();
      int size = random.nextInt(6);
      for (int i = 0; i < size; i++) {
        page.add(recording(random));
      }
      ListLinks.Meta meta =
          new ListLinks.Meta(
              random.nextLong(0, Long.MAX_VALUE),
              random.nextInt(1, 1001),
              text(random),
              text(random),
              orNull(random, text(random)),
              orNull(random, text(random)));

      assertThat(utf8(JsonBodies.list(page, base, meta))).isEqualTo(jacksonList(page, base, meta));
      for (Recording recording : page) {
        assertThat(utf8(JsonBodies.recording(recording, base)))
            .isEqualTo(jacksonRecording(recording, base));
      }
    }
  }

  private static Recording recording(SplittableRandom random) {
    Map<String, String> grouping = new LinkedHashMap<>();
    int members = random.nextInt(4);
    for (int i = 0; i < members; i++) {
      grouping.put(i == 0 ? "room_sid" : text(random), text(random));
    }
    MediaType[] types = MediaType.values();
    Codec[] codecs = Codec.values();
    ContainerFormat[] formats = ContainerFormat.values();
    RecordingStatus[] statuses = RecordingStatus.values();
    return new Recording(
        random.nextInt(8) == 0 ? text(random) : "RT0123456789abcdef0123456789abcdef",
        random.nextInt(8) == 0 ? text(random) : "AC0123456789abcdef0123456789abcdef",
        statuses[random.nextInt(statuses.length)],
        instant(random),
        instant(random),
        orNull(random, instant(random)),
        orNull(random, text(random)),
        orNull(random, random.nextLong()),
        orNull(random, types[random.nextInt(types.length)]),
        orNull(random, random.nextLong(0, 1L << 40)),
        orNull(random, formats[random.nextInt(formats.length)]),
        orNull(random, codecs[random.nextInt(codecs.length)]),
        grouping,
        orNull(random, text(random)),
        orNull(random, random.nextLong()),
        orNull(random, text(random)),
        orNull(random, text(random)),
        orNull(random, text(random)),
        orNull(random, text(random)));
  }

  /** Any instant of years -9999 to 99999 (the hand-written dates cover 0 to 9999 only). */
  private static Instant instant(SplittableRandom random) {
    return random.nextInt(10) == 0
        ? Instant.ofEpochSecond(random.nextLong(-377_705_116_800L, 3_093_527_980_800L))
        : Instant.ofEpochSecond(random.nextLong(0, 4_102_444_800L), random.nextInt(1_000_000_000));
  }

  private static String text(SplittableRandom random) {
    StringBuilder text = new StringBuilder();
    int pieces = random.nextInt(12);
    for (int i = 0; i < pieces; i++) {
      text.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return text.toString();
  }

  private static <T> T orNull(SplittableRandom random, T value) {
    return random.nextInt(4) == 0 ? null : value;
  }

  private static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  // The oracle: the Jackson generator, field by field, as JsonBodies wrote them before.

  private static String jacksonList(List<Recording> page, String base, ListLinks.Meta meta) {
    return jackson(
        json -> {
          json.writeStartObject();
          json.writeArrayFieldStart("recordings");
          for (Recording recording : page) {
            writeRecording(json, recording, base);
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

  private static String jacksonRecording(Recording recording, String base) {
    return jackson(json -> writeRecording(json, recording, base));
  }

  private static void writeRecording(JsonGenerator json, Recording r, String base)
      throws IOException {
    String url = base + "/v1/Recordings/" + r.sid();
    json.writeStartObject();
    json.writeStringField("account_sid", r.accountSid());
    json.writeStringField("status", r.status().wire());
    json.writeStringField("date_created", TwilioDates.format(r.dateCreated()));
    json.writeStringField("date_updated", TwilioDates.format(r.dateUpdated()));
    json.writeStringField("date_deleted", TwilioDates.format(r.dateDeleted()));
    json.writeStringField("sid", r.sid());
    json.writeStringField("source_sid", r.sourceSid());
    number(json, "size", r.size());
    json.writeStringField("type", r.type() == null ? null : r.type().wire());
    number(json, "duration", r.duration());
    json.writeStringField(
        "container_format", r.containerFormat() == null ? null : r.containerFormat().wire());
    json.writeStringField("codec", r.codec() == null ? null : r.codec().wire());
    json.writeFieldName("grouping_sids");
    if (r.groupingSids().isEmpty()) {
      json.writeNull();
    } else {
      json.writeStartObject();
      for (Map.Entry<String, String> member : r.groupingSids().entrySet()) {
        json.writeStringField(member.getKey(), member.getValue());
      }
      json.writeEndObject();
    }
    json.writeStringField("track_name", r.trackName());
    number(json, "offset", r.offset());
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

  private static void number(JsonGenerator json, String name, Long value) throws IOException {
    json.writeFieldName(name);
    if (value == null) {
      json.writeNull();
    } else {
      json.writeNumber(value.longValue());
    }
  }

  private interface Body {
    void writeTo(JsonGenerator json) throws IOException;
  }

  private static String jackson(Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      body.writeTo(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return utf8(out.toByteArray());
  }
}
