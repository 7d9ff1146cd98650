package dev.recordingsindexer.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recordingsindexer.indexer.model.Recording;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the cluster tests compare pages by: a recording's list-relevant fields (those filters and
 * the order use) as one line, from the API's JSON or from the oracle's {@link Recording}; and a
 * page's recordings with the answering instance's base URL neutralised.
 */
final class ClusterPages {

  private ClusterPages() {}

  /** The fields a listing depends on, from the API's JSON. */
  static String fingerprint(JsonNode recording) {
    List<String> groups = new ArrayList<>();
    recording.path("grouping_sids").forEach(g -> groups.add(g.asText()));
    return String.join(
        "|",
        recording.get("sid").asText(),
        recording.get("status").asText(),
        recording.get("date_created").asText(),
        recording.get("date_updated").asText(),
        recording.get("type").asText(),
        recording.get("source_sid").asText(),
        String.join(",", groups));
  }

  /** The fields a listing depends on, as the oracle folds them. */
  static String fingerprint(Recording recording) {
    return String.join(
        "|",
        recording.sid(),
        recording.status().name().toLowerCase(),
        recording.dateCreated().toString(),
        recording.dateUpdated().toString(),
        recording.type() == null ? "null" : recording.type().wire(),
        String.valueOf(recording.sourceSid()),
        String.join(",", recording.groupingSids().values()));
  }

  static List<String> fingerprints(List<Recording> recordings) {
    return recordings.stream().map(ClusterPages::fingerprint).toList();
  }

  static List<String> sids(List<JsonNode> recordings) {
    return recordings.stream().map(r -> r.get("sid").asText()).toList();
  }

  static List<String> sidsOf(List<Recording> recordings) {
    return recordings.stream().map(Recording::sid).collect(Collectors.toList());
  }

  /** The recording's JSON text with {@code baseUrl} (the answering instance's) replaced. */
  static String rendered(JsonNode recording, String baseUrl) {
    return recording.toString().replace(baseUrl, "BASE");
  }
}
