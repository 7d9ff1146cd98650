package dev.recordingsindexer.api.routing;

import dev.recordingsindexer.indexer.model.Codec;
import dev.recordingsindexer.indexer.model.ContainerFormat;
import dev.recordingsindexer.indexer.model.MediaType;
import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.RecordingStatus;
import dev.recordingsindexer.indexer.query.PartitionScanRequest;
import dev.recordingsindexer.indexer.query.RecordingFilter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Recordings and requests for the routing tests. */
final class Recordings {

  static final String ACCOUNT = "AC11111111111111111111111111111111";
  static final String SID = "RT0123456789abcdef0123456789abcdef";

  private Recordings() {}

  static Recording full() {
    Map<String, String> grouping = new LinkedHashMap<>();
    grouping.put("room_sid", "RM0123456789abcdef0123456789abcdef");
    grouping.put("participant_sid", "PA0123456789abcdef0123456789abcdef");
    grouping.put("composition_sid", "CJ0123456789abcdef0123456789abcdef");
    return new Recording(
        SID,
        ACCOUNT,
        RecordingStatus.DELETED,
        Instant.parse("2026-01-02T03:04:05Z"),
        Instant.parse("2026-01-02T03:09:00Z"),
        Instant.parse("2026-01-02T03:10:00Z"),
        "MT0123456789abcdef0123456789abcdef",
        123_456_789_012L,
        MediaType.VIDEO,
        3600L,
        ContainerFormat.MKV,
        Codec.H264,
        grouping,
        "camera \"front\" \u00e9",
        -42L,
        "https://media.example.com/x?y=z",
        "https://callback.example.com/cb",
        "POST",
        "key-1");
  }

  static Recording minimal(String sid) {
    return new Recording(
        sid,
        ACCOUNT,
        RecordingStatus.PROCESSING,
        Instant.parse("2026-01-01T00:00:00Z"),
        Instant.parse("2026-01-01T00:00:00Z"),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        Map.of(),
        null,
        null,
        null,
        null,
        null,
        null);
  }

  static PartitionScanRequest request() {
    return new PartitionScanRequest(ACCOUNT, RecordingFilter.NONE, null, false, true, 51);
  }

  static PartitionScanRequest fullRequest() {
    RecordingFilter filter =
        new RecordingFilter(
            RecordingStatus.COMPLETED,
            "MT0123456789abcdef0123456789abcdef",
            List.of("RM0123456789abcdef0123456789abcdef", "PA0123456789abcdef0123456789abcdef"),
            Instant.parse("2025-12-31T23:59:59.123456789Z"),
            Instant.parse("2026-02-01T00:00:00Z"),
            MediaType.AUDIO);
    return new PartitionScanRequest(
        ACCOUNT,
        filter,
        new dev.recordingsindexer.indexer.model.SortKey(Instant.parse("2026-01-15T10:00:00Z"), SID),
        true,
        false,
        PartitionScanRequest.MAX_LIMIT);
  }
}
