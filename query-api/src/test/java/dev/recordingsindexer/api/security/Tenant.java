package dev.recordingsindexer.api.security;

import dev.recordingsindexer.indexer.model.Codec;
import dev.recordingsindexer.indexer.model.ContainerFormat;
import dev.recordingsindexer.indexer.model.MediaType;
import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.RecordingStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One account of the tenancy tests and its recordings. Every tenant's data has the same shape, on
 * the same dates, in the same rooms, from the same tracks and participants ({@link #SHARED_ROOM},
 * {@link #SHARED_SOURCE}, {@link #SHARED_PARTICIPANT}); each also has a room, a source and a
 * participant of its own, and field values carrying its {@code marker}, so that any of its data
 * showing up in another tenant's answer can be found by a text search.
 */
record Tenant(String accountSid, String authToken, String marker, int sidBase) {

  static final String SHARED_ROOM = "RM" + "5".repeat(32);
  static final String SHARED_SOURCE = "MT" + "6".repeat(32);
  static final String SHARED_PARTICIPANT = "PA" + "7".repeat(32);
  static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
  static final int RECORDINGS = 24;

  String ownRoom() {
    return String.format("RM%02x%030x", sidBase, 1);
  }

  String ownSource() {
    return String.format("MT%02x%030x", sidBase, 2);
  }

  String ownParticipant() {
    return String.format("PA%02x%030x", sidBase, 3);
  }

  String authorization() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
  }

  /** Recording {@code n} of this tenant; recording {@code n} of every tenant has the same date. */
  Recording recording(int n) {
    Map<String, String> grouping = new LinkedHashMap<>();
    grouping.put("room_sid", n % 3 == 0 ? SHARED_ROOM : ownRoom());
    grouping.put("participant_sid", n % 2 == 0 ? SHARED_PARTICIPANT : ownParticipant());
    Instant created = EPOCH.plusSeconds(60L * (n / 2));
    MediaType type = MediaType.values()[n % 3];
    return new Recording(
        String.format("RT%02x%030x", sidBase, n),
        accountSid,
        RecordingStatus.values()[n % RecordingStatus.values().length],
        created,
        created.plusSeconds(30),
        null,
        n % 2 == 0 ? SHARED_SOURCE : ownSource(),
        1000L + n,
        type,
        10L + n,
        type == MediaType.AUDIO ? ContainerFormat.MKA : ContainerFormat.MKV,
        type == MediaType.AUDIO ? Codec.OPUS : type == MediaType.VIDEO ? Codec.VP8 : null,
        grouping,
        marker + "-track-" + n,
        (long) n,
        "https://media.example.com/" + marker + "/" + n + ".mkv",
        "https://" + marker + ".example.com/status",
        "POST",
        marker + "-key-" + n);
  }

  List<Recording> recordings() {
    List<Recording> recordings = new ArrayList<>();
    for (int n = 1; n <= RECORDINGS; n++) {
      recordings.add(recording(n));
    }
    return recordings;
  }

  /**
   * Everything that identifies this tenant's data and no other tenant's: its account SID, its
   * recording SIDs, its own room, source and participant SIDs, and its marker (every track name,
   * key and URL of its recordings carries it).
   */
  List<String> revealingValues() {
    return Stream.concat(
            Stream.of(accountSid, ownRoom(), ownSource(), ownParticipant(), marker, authToken),
            recordings().stream().map(Recording::sid))
        .toList();
  }
}
