package dev.recordingsindexer.api.faults;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.recordingsindexer.indexer.model.Recording;
import java.time.Instant;
import java.util.Map;

/**
 * A recording as the API must render it, written here from the oracle's {@link Recording} (not by
 * the service's own writer), and the API's JSON made comparable to it: every field of Twilio's
 * recording resource except {@code url} and {@code links}, which name the answering instance and
 * are checked to point at the recording's SID instead.
 */
final class RecordingJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RecordingJson() {}

  /** What the API must answer for {@code r}, without {@code url} and {@code links}. */
  static JsonNode expected(Recording r) {
    ObjectNode node = JSON.createObjectNode();
    node.put("account_sid", r.accountSid());
    node.put("status", r.status().wire());
    node.put("date_created", text(r.dateCreated()));
    node.put("date_updated", text(r.dateUpdated()));
    node.put("date_deleted", text(r.dateDeleted()));
    node.put("sid", r.sid());
    node.put("source_sid", r.sourceSid());
    node.put("size", r.size());
    node.put("type", r.type() == null ? null : r.type().wire());
    node.put("duration", r.duration());
    node.put("container_format", r.containerFormat() == null ? null : r.containerFormat().wire());
    node.put("codec", r.codec() == null ? null : r.codec().wire());
    if (r.groupingSids().isEmpty()) {
      node.putNull("grouping_sids");
    } else {
      ObjectNode groups = node.putObject("grouping_sids");
      for (Map.Entry<String, String> group : r.groupingSids().entrySet()) {
        groups.put(group.getKey(), group.getValue());
      }
    }
    node.put("track_name", r.trackName());
    node.put("offset", r.offset());
    node.put("media_external_location", r.mediaExternalLocation());
    node.put("status_callback", r.statusCallback());
    node.put("status_callback_method", r.statusCallbackMethod());
    node.put("encryption_key", r.encryptionKey());
    return normalized(node);
  }

  /**
   * The API's recording without {@code url} and {@code links}; when either does not name the
   * recording's own SID, they stay in, so that the comparison fails and shows them.
   */
  static JsonNode comparable(JsonNode actual) {
    ObjectNode copy = actual.deepCopy();
    String own = "/v1/Recordings/" + actual.path("sid").asText();
    if (copy.path("url").asText().endsWith(own)
        && copy.path("links").path("media").asText().endsWith(own + "/Media")) {
      copy.remove("url");
      copy.remove("links");
    }
    return normalized(copy);
  }

  /** Through text and back, so that numbers compare as parsed (int and long nodes alike). */
  private static JsonNode normalized(JsonNode node) {
    try {
      return JSON.readTree(JSON.writeValueAsString(node));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot re-read " + node, e);
    }
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
