package dev.recordingsindexer.indexer.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One recording as the API answers it: the fold's result, without the bookkeeping the fold keeps to
 * stay order-independent.
 *
 * <p>Dates are whole seconds in UTC. Every field the events never reported is {@code null}; {@code
 * groupingSids} is never null (empty when none was reported) and iterates in the API's order
 * ({@code room_sid}, {@code participant_sid}, then the rest by name).
 *
 * @param sid the recording SID ({@code RT...})
 * @param accountSid the owner ({@code AC...})
 * @param dateDeleted the earliest deletion time, or null when never deleted
 */
public record Recording(
    String sid,
    String accountSid,
    RecordingStatus status,
    Instant dateCreated,
    Instant dateUpdated,
    Instant dateDeleted,
    String sourceSid,
    Long size,
    MediaType type,
    Long duration,
    ContainerFormat containerFormat,
    Codec codec,
    Map<String, String> groupingSids,
    String trackName,
    Long offset,
    String mediaExternalLocation,
    String statusCallback,
    String statusCallbackMethod,
    String encryptionKey) {

  public Recording {
    Objects.requireNonNull(sid, "sid");
    Objects.requireNonNull(accountSid, "accountSid");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(dateCreated, "dateCreated");
    Objects.requireNonNull(dateUpdated, "dateUpdated");
    groupingSids = groupingSids == null ? Map.of() : groupingSids;
  }
}
