package dev.recordingsindexer.indexer.event;

import dev.recordingsindexer.indexer.model.Codec;
import dev.recordingsindexer.indexer.model.ContainerFormat;
import dev.recordingsindexer.indexer.model.MediaType;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One valid recording lifecycle event, as {@link EventParser} accepts it.
 *
 * <p>Optional fields the event did not carry (absent or JSON null) are {@code null}; {@code
 * groupingSids} is never null (empty when absent). {@code timestamp} and {@code dateCreated} keep
 * the precision the producer sent; the fold truncates to seconds where the contract says so.
 *
 * @param sequenceNumber the producer's sequence, or -1 when absent
 */
public record RecordingEvent(
    EventType type,
    Instant timestamp,
    long sequenceNumber,
    String accountSid,
    String recordingSid,
    Instant dateCreated,
    String sourceSid,
    Map<String, String> groupingSids,
    String trackName,
    MediaType mediaType,
    Codec codec,
    ContainerFormat containerFormat,
    Long size,
    Long duration,
    Long offset,
    String mediaExternalLocation,
    String statusCallback,
    String statusCallbackMethod,
    String encryptionKey) {

  /** The sequence number standing for "absent" in the fold's ordering. */
  public static final long NO_SEQUENCE = -1L;

  public RecordingEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(accountSid, "accountSid");
    Objects.requireNonNull(recordingSid, "recordingSid");
    groupingSids = groupingSids == null ? Map.of() : Map.copyOf(groupingSids);
  }
}
