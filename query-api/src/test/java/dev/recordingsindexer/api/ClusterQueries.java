package dev.recordingsindexer.api;

import dev.recordingsindexer.indexer.model.MediaType;
import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.RecordingStatus;
import dev.recordingsindexer.indexer.query.RecordingFilter;
import dev.recordingsindexer.indexer.testing.ContractOracle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The list queries the service and cluster tests ask: every status x media type combination (each
 * also absent), plus a source, a grouping and date bounds taken from the account's recordings. Each
 * maps its query string (starting with {@code &}) to the filter the oracle applies.
 */
final class ClusterQueries {

  private ClusterQueries() {}

  /** Every query for {@code account}, in a stable order; the account must have recordings. */
  static Map<String, RecordingFilter> of(ContractOracle oracle, String account) {
    Map<String, RecordingFilter> queries = new LinkedHashMap<>();
    List<RecordingStatus> statuses = new ArrayList<>(List.of(RecordingStatus.values()));
    statuses.add(null);
    List<MediaType> types = new ArrayList<>(List.of(MediaType.values()));
    types.add(null);
    for (RecordingStatus status : statuses) {
      for (MediaType type : types) {
        String query =
            (status == null ? "" : "&Status=" + status.name().toLowerCase())
                + (type == null ? "" : "&MediaType=" + type.name().toLowerCase());
        queries.put(query, new RecordingFilter(status, null, List.of(), null, null, type));
      }
    }
    List<Recording> all = oracle.list(account, RecordingFilter.NONE);
    Recording sample = all.get(all.size() / 2);
    if (sample.sourceSid() != null) {
      queries.put(
          "&SourceSid=" + sample.sourceSid(),
          new RecordingFilter(null, sample.sourceSid(), List.of(), null, null, null));
    }
    List<String> groups = List.copyOf(sample.groupingSids().values());
    if (!groups.isEmpty()) {
      String grouping = groups.stream().map(g -> "&GroupingSid=" + g).reduce("", String::concat);
      queries.put(grouping, new RecordingFilter(null, null, groups, null, null, null));
    }
    String date = sample.dateCreated().toString();
    queries.put(
        "&DateCreatedAfter=" + date,
        new RecordingFilter(null, null, List.of(), sample.dateCreated(), null, null));
    queries.put(
        "&DateCreatedBefore=" + date,
        new RecordingFilter(null, null, List.of(), null, sample.dateCreated(), null));
    Instant oldest = all.get(all.size() - 1).dateCreated();
    queries.put(
        "&DateCreatedAfter=" + oldest + "&DateCreatedBefore=" + date,
        new RecordingFilter(null, null, List.of(), oldest, sample.dateCreated(), null));
    return queries;
  }
}
