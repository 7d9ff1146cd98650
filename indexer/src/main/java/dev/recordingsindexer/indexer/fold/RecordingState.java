package dev.recordingsindexer.indexer.fold;

import dev.recordingsindexer.indexer.model.Codec;
import dev.recordingsindexer.indexer.model.ContainerFormat;
import dev.recordingsindexer.indexer.model.MediaType;
import dev.recordingsindexer.indexer.model.Recording;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything the fold keeps about one recording: the current value of each field plus the ordering
 * stamp of the event that wrote it, so that applying events in any order, any number of times,
 * gives the same state. Immutable and thread-safe.
 *
 * <p>Dates are kept at full precision (they order events); {@link #toRecording} truncates them to
 * whole seconds. Two states are equal when every value and every stamp is equal, which is what a
 * caller needs to recognise a duplicate event. Built only by {@link RecordingFold} and {@link
 * RecordingStateCodec}.
 */
public final class RecordingState {

  private static final String ROOM_SID = "room_sid";
  private static final String PARTICIPANT_SID = "participant_sid";

  private final String sid;
  private final String accountSid;
  private final StatusClaim status;
  private final Instant firstTimestamp;
  private final Instant lastTimestamp;
  private final Instant earliestDateCreated;
  private final Instant earliestDeletion;
  private final Written[] fields;
  private final Map<String, Written> groupingSids;
  private Recording recording; // derived once, lazily; a racy recompute gives an equal value

  /**
   * @param earliestDateCreated the earliest explicit {@code date_created}, or null if none
   * @param earliestDeletion the earliest {@code recording-deleted} timestamp, or null if none
   * @param fields one write per {@link Field} ordinal, null where no event carried the field
   */
  RecordingState(
      String sid,
      String accountSid,
      StatusClaim status,
      Instant firstTimestamp,
      Instant lastTimestamp,
      Instant earliestDateCreated,
      Instant earliestDeletion,
      Written[] fields,
      Map<String, Written> groupingSids) {
    this.sid = Objects.requireNonNull(sid, "sid");
    this.accountSid = Objects.requireNonNull(accountSid, "accountSid");
    this.status = Objects.requireNonNull(status, "status");
    this.firstTimestamp = Objects.requireNonNull(firstTimestamp, "firstTimestamp");
    this.lastTimestamp = Objects.requireNonNull(lastTimestamp, "lastTimestamp");
    if (firstTimestamp.isAfter(lastTimestamp)) {
      throw new IllegalArgumentException("first timestamp after last: " + firstTimestamp);
    }
    this.earliestDateCreated = earliestDateCreated;
    this.earliestDeletion = earliestDeletion;
    if (fields.length != Field.ALL.length) {
      throw new IllegalArgumentException("expected " + Field.ALL.length + " fields");
    }
    this.fields = fields.clone();
    this.groupingSids = Collections.unmodifiableMap(new TreeMap<>(groupingSids));
  }

  public String sid() {
    return sid;
  }

  public String accountSid() {
    return accountSid;
  }

  /** The recording as the API renders it. */
  public Recording toRecording() {
    Recording rendered = recording;
    if (rendered == null) {
      rendered = render();
      recording = rendered;
    }
    return rendered;
  }

  StatusClaim status() {
    return status;
  }

  Instant firstTimestamp() {
    return firstTimestamp;
  }

  Instant lastTimestamp() {
    return lastTimestamp;
  }

  Instant earliestDateCreated() {
    return earliestDateCreated;
  }

  Instant earliestDeletion() {
    return earliestDeletion;
  }

  /** The field's winning write, or null when no event carried it. */
  Written written(Field field) {
    return fields[field.ordinal()];
  }

  /** A copy of the per-field writes, indexed by {@link Field} ordinal. */
  Written[] fields() {
    return fields.clone();
  }

  /** Each grouping member's winning write, iterating in member-name order. */
  Map<String, Written> groupingSids() {
    return groupingSids;
  }

  private Recording render() {
    Instant dateCreated = earliestDateCreated != null ? earliestDateCreated : firstTimestamp;
    return new Recording(
        sid,
        accountSid,
        status.status(),
        seconds(dateCreated),
        seconds(lastTimestamp),
        seconds(earliestDeletion),
        (String) value(Field.SOURCE_SID),
        (Long) value(Field.SIZE),
        (MediaType) value(Field.TYPE),
        (Long) value(Field.DURATION),
        (ContainerFormat) value(Field.CONTAINER_FORMAT),
        (Codec) value(Field.CODEC),
        renderGroupingSids(),
        (String) value(Field.TRACK_NAME),
        (Long) value(Field.OFFSET),
        (String) value(Field.MEDIA_EXTERNAL_LOCATION),
        (String) value(Field.STATUS_CALLBACK),
        (String) value(Field.STATUS_CALLBACK_METHOD),
        (String) value(Field.ENCRYPTION_KEY));
  }

  private Object value(Field field) {
    Written write = fields[field.ordinal()];
    return write == null ? null : write.value();
  }

  /** The API's member order: {@code room_sid}, {@code participant_sid}, then the rest by name. */
  private Map<String, String> renderGroupingSids() {
    Map<String, String> ordered = new LinkedHashMap<>();
    putIfPresent(ordered, ROOM_SID);
    putIfPresent(ordered, PARTICIPANT_SID);
    groupingSids.forEach((name, write) -> ordered.putIfAbsent(name, (String) write.value()));
    return Collections.unmodifiableMap(ordered);
  }

  private void putIfPresent(Map<String, String> ordered, String name) {
    Written write = groupingSids.get(name);
    if (write != null) {
      ordered.put(name, (String) write.value());
    }
  }

  private static Instant seconds(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS);
  }

  @Override
  public boolean equals(Object other) {
    return this == other
        || (other instanceof RecordingState that
            && sid.equals(that.sid)
            && accountSid.equals(that.accountSid)
            && status.equals(that.status)
            && firstTimestamp.equals(that.firstTimestamp)
            && lastTimestamp.equals(that.lastTimestamp)
            && Objects.equals(earliestDateCreated, that.earliestDateCreated)
            && Objects.equals(earliestDeletion, that.earliestDeletion)
            && Arrays.equals(fields, that.fields)
            && groupingSids.equals(that.groupingSids));
  }

  @Override
  public int hashCode() {
    return Objects.hash(sid, status, lastTimestamp, Arrays.hashCode(fields), groupingSids);
  }

  @Override
  public String toString() {
    return "RecordingState[sid="
        + sid
        + ", account="
        + accountSid
        + ", status="
        + status
        + ", first="
        + firstTimestamp
        + ", last="
        + lastTimestamp
        + ", dateCreated="
        + earliestDateCreated
        + ", deleted="
        + earliestDeletion
        + ", fields="
        + Arrays.toString(fields)
        + ", grouping="
        + groupingSids
        + "]";
  }
}
