package dev.recordingsindexer.indexer.query;

import dev.recordingsindexer.indexer.model.MediaType;
import dev.recordingsindexer.indexer.model.RecordingStatus;
import java.time.Instant;
import java.util.List;

/**
 * The list filters, combined with AND. Null means "not given".
 *
 * @param groupingSids every one must be among the recording's grouping_sids values; empty when not
 *     given
 * @param createdAtOrAfter inclusive lower bound on date_created
 * @param createdBefore exclusive upper bound on date_created
 */
public record RecordingFilter(
    RecordingStatus status,
    String sourceSid,
    List<String> groupingSids,
    Instant createdAtOrAfter,
    Instant createdBefore,
    MediaType mediaType) {

  public static final RecordingFilter NONE =
      new RecordingFilter(null, null, List.of(), null, null, null);

  public RecordingFilter {
    groupingSids = groupingSids == null ? List.of() : List.copyOf(groupingSids);
  }
}
