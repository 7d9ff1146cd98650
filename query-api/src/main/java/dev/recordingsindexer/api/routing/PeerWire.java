package dev.recordingsindexer.api.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.recordingsindexer.indexer.model.Codec;
import dev.recordingsindexer.indexer.model.ContainerFormat;
import dev.recordingsindexer.indexer.model.MediaType;
import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.RecordingStatus;
import dev.recordingsindexer.indexer.model.SortKey;
import dev.recordingsindexer.indexer.query.PartitionScanRequest;
import dev.recordingsindexer.indexer.query.RecordingFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The JSON spoken between instances: a {@link PartitionScanRequest}, a scan's matches ({@code
 * {"recordings": [...]}}), a fetch's answer ({@code {"recording": {...} | null}}) and an error
 * ({@code {"reason": "..."}}). Dates are ISO-8601 instants with full precision, enums their wire
 * spelling, absent values null; {@code grouping_sids} keeps its member order. Decoding is the exact
 * inverse of encoding. Bodies that are not what they claim throw {@link BadPeerBody}. Thread-safe.
 */
public final class PeerWire {

  private static final ObjectMapper JSON = new ObjectMapper();

  private PeerWire() {}

  /** A body that does not decode: not JSON, a missing or mistyped field, a bad value. */
  public static final class BadPeerBody extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadPeerBody(String message, Throwable cause) {
      super(message, cause);
    }
  }

  public static byte[] request(PartitionScanRequest request) {
    ObjectNode json = JSON.createObjectNode();
    json.put("account_sid", request.accountSid());
    RecordingFilter filter = request.filter();
    ObjectNode f = json.putObject("filter");
    f.put("status", filter.status() == null ? null : filter.status().wire());
    f.put("source_sid", filter.sourceSid());
    ArrayNode grouping = f.putArray("grouping_sids");
    filter.groupingSids().forEach(grouping::add);
    f.put("created_at_or_after", instant(filter.createdAtOrAfter()));
    f.put("created_before", instant(filter.createdBefore()));
    f.put("media_type", filter.mediaType() == null ? null : filter.mediaType().wire());
    if (request.from() == null) {
      json.putNull("from");
    } else {
      ObjectNode from = json.putObject("from");
      from.put("date_created", instant(request.from().dateCreated()));
      from.put("sid", request.from().sid());
    }
    json.put("from_inclusive", request.fromInclusive());
    json.put("newest_first", request.newestFirst());
    json.put("limit", request.limit());
    return bytes(json);
  }

  public static PartitionScanRequest parseRequest(byte[] body) {
    return decode(
        body,
        json -> {
          JsonNode f = required(json, "filter");
          List<String> grouping = new ArrayList<>();
          for (JsonNode sid : required(f, "grouping_sids")) {
            grouping.add(sid.textValue());
          }
          RecordingFilter filter =
              new RecordingFilter(
                  enumValue(f, "status", RecordingStatus::fromWire),
                  text(f, "source_sid"),
                  grouping,
                  instant(f, "created_at_or_after"),
                  instant(f, "created_before"),
                  enumValue(f, "media_type", MediaType::fromWire));
          JsonNode from = json.get("from");
          SortKey key =
              from == null || from.isNull()
                  ? null
                  : new SortKey(instant(from, "date_created"), text(from, "sid"));
          return new PartitionScanRequest(
              text(json, "account_sid"),
              filter,
              key,
              bool(json, "from_inclusive"),
              bool(json, "newest_first"),
              required(json, "limit").intValue());
        });
  }

  public static byte[] recordings(List<Recording> recordings) {
    ObjectNode json = JSON.createObjectNode();
    ArrayNode array = json.putArray("recordings");
    recordings.forEach(r -> array.add(recordingNode(r)));
    return bytes(json);
  }

  public static List<Recording> parseRecordings(byte[] body) {
    return decode(
        body,
        json -> {
          JsonNode array = required(json, "recordings");
          if (!array.isArray()) {
            throw new IllegalArgumentException("recordings is not an array");
          }
          List<Recording> recordings = new ArrayList<>(array.size());
          array.forEach(node -> recordings.add(recording(node)));
          return List.copyOf(recordings);
        });
  }

  public static byte[] recording(Optional<Recording> recording) {
    ObjectNode json = JSON.createObjectNode();
    json.set("recording", recording.map(PeerWire::recordingNode).orElse(null));
    return bytes(json);
  }

  public static Optional<Recording> parseRecording(byte[] body) {
    return decode(
        body,
        json -> {
          JsonNode node = required(json, "recording");
          return node.isNull() ? Optional.<Recording>empty() : Optional.of(recording(node));
        });
  }

  public static byte[] error(String reason) {
    ObjectNode json = JSON.createObjectNode();
    json.put("reason", reason);
    return bytes(json);
  }

  /** The reason of an error body, or a short excerpt of the body when it is not one. */
  public static String parseError(byte[] body) {
    try {
      JsonNode reason = JSON.readTree(body).get("reason");
      if (reason != null && reason.isTextual()) {
        return reason.textValue();
      }
    } catch (IOException | RuntimeException e) {
      // not an error body: fall through to the excerpt
    }
    String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }

  private static ObjectNode recordingNode(Recording r) {
    ObjectNode json = JSON.createObjectNode();
    json.put("sid", r.sid());
    json.put("account_sid", r.accountSid());
    json.put("status", r.status().wire());
    json.put("date_created", instant(r.dateCreated()));
    json.put("date_updated", instant(r.dateUpdated()));
    json.put("date_deleted", instant(r.dateDeleted()));
    json.put("source_sid", r.sourceSid());
    json.put("size", r.size());
    json.put("type", r.type() == null ? null : r.type().wire());
    json.put("duration", r.duration());
    json.put("container_format", r.containerFormat() == null ? null : r.containerFormat().wire());
    json.put("codec", r.codec() == null ? null : r.codec().wire());
    ObjectNode grouping = json.putObject("grouping_sids");
    r.groupingSids().forEach(grouping::put);
    json.put("track_name", r.trackName());
    json.put("offset", r.offset());
    json.put("media_external_location", r.mediaExternalLocation());
    json.put("status_callback", r.statusCallback());
    json.put("status_callback_method", r.statusCallbackMethod());
    json.put("encryption_key", r.encryptionKey());
    return json;
  }

  private static Recording recording(JsonNode json) {
    Map<String, String> grouping = new LinkedHashMap<>();
    JsonNode groupingNode = required(json, "grouping_sids");
    for (Iterator<Map.Entry<String, JsonNode>> it = groupingNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> member = it.next();
      grouping.put(member.getKey(), member.getValue().textValue());
    }
    return new Recording(
        text(json, "sid"),
        text(json, "account_sid"),
        enumValue(json, "status", RecordingStatus::fromWire),
        instant(json, "date_created"),
        instant(json, "date_updated"),
        instant(json, "date_deleted"),
        text(json, "source_sid"),
        number(json, "size"),
        enumValue(json, "type", MediaType::fromWire),
        number(json, "duration"),
        enumValue(json, "container_format", ContainerFormat::fromWire),
        enumValue(json, "codec", Codec::fromAnyCase),
        grouping,
        text(json, "track_name"),
        number(json, "offset"),
        text(json, "media_external_location"),
        text(json, "status_callback"),
        text(json, "status_callback_method"),
        text(json, "encryption_key"));
  }

  private static JsonNode required(JsonNode json, String field) {
    JsonNode node = json.get(field);
    if (node == null) {
      throw new IllegalArgumentException("missing field " + field);
    }
    return node;
  }

  private static String text(JsonNode json, String field) {
    JsonNode node = required(json, field);
    if (node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw new IllegalArgumentException(field + " is not a string");
    }
    return node.textValue();
  }

  private static boolean bool(JsonNode json, String field) {
    JsonNode node = required(json, field);
    if (!node.isBoolean()) {
      throw new IllegalArgumentException(field + " is not a boolean");
    }
    return node.booleanValue();
  }

  private static Long number(JsonNode json, String field) {
    JsonNode node = required(json, field);
    if (node.isNull()) {
      return null;
    }
    if (!node.canConvertToExactIntegral() || !node.canConvertToLong()) {
      throw new IllegalArgumentException(field + " is not an integer");
    }
    return node.longValue();
  }

  private static Instant instant(JsonNode json, String field) {
    String text = text(json, field);
    return text == null ? null : Instant.parse(text);
  }

  private static String instant(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static <E> E enumValue(JsonNode json, String field, Function<String, Optional<E>> parse) {
    String text = text(json, field);
    if (text == null) {
      return null;
    }
    return parse
        .apply(text)
        .orElseThrow(() -> new IllegalArgumentException(field + " has an unknown value"));
  }

  private static byte[] bytes(JsonNode json) {
    try {
      return JSON.writeValueAsBytes(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write a peer body", e);
    }
  }

  private static <T> T decode(byte[] body, Function<JsonNode, T> reading) {
    try {
      JsonNode json = JSON.readTree(body);
      if (json == null || !json.isObject()) {
        throw new IllegalArgumentException("not a JSON object");
      }
      return reading.apply(json);
    } catch (IOException
        | IllegalArgumentException
        | NullPointerException
        | DateTimeParseException e) {
      throw new BadPeerBody("bad peer body: " + e.getMessage(), e);
    }
  }
}
