package dev.recordingsindexer.indexer.fold;

import dev.recordingsindexer.indexer.event.EventType;
import dev.recordingsindexer.indexer.event.RecordingEvent;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The contract's fold as a pure function: (state, event) -> state. Commutative and idempotent over
 * any set of events of one recording, except for the account rule (an event whose account differs
 * from the known recording's is rejected). Stateless and thread-safe.
 *
 * <p>Every part of the state is a join of the events seen, so the order of arrival never matters:
 * status is the strongest {@link StatusClaim}; {@code date_created} is the earliest explicit one,
 * else the earliest timestamp; {@code date_updated} the latest timestamp; {@code date_deleted} the
 * earliest deletion; every other field, and each {@code grouping_sids} member on its own, is the
 * {@link Written#later latest write} by (timestamp, sequence number, rank). Exact ties between
 * different values are settled by comparing the values, as {@link Written} and {@link StatusClaim}
 * document.
 */
public final class RecordingFold {

  private RecordingFold() {}

  /**
   * Applies one event.
   *
   * <p>When the event adds nothing (a duplicate, or a write every field already outranks), the
   * result holds {@code current} itself, so callers may skip the write by comparing identity or
   * {@code equals}.
   *
   * @param current the recording's state, or null when the recording is unknown
   * @param event an event of that recording ({@code event.recordingSid()} equals the state's sid)
   * @throws IllegalArgumentException when the event belongs to another recording (a caller bug)
   */
  public static FoldResult apply(RecordingState current, RecordingEvent event) {
    Objects.requireNonNull(event, "event");
    if (current == null) {
      return new FoldResult.Applied(first(event));
    }
    if (!current.sid().equals(event.recordingSid())) {
      throw new IllegalArgumentException(
          "event of " + event.recordingSid() + " applied to " + current.sid());
    }
    if (!current.accountSid().equals(event.accountSid())) {
      return new FoldResult.Rejected(
          "account_sid: "
              + event.accountSid()
              + " differs from "
              + current.accountSid()
              + ", the account that owns recording "
              + current.sid());
    }
    return new FoldResult.Applied(merge(current, event));
  }

  private static RecordingState first(RecordingEvent event) {
    Stamp stamp = Stamp.of(event);
    Written[] fields = new Written[Field.ALL.length];
    for (Field field : Field.ALL) {
      Comparable<?> value = field.read(event);
      fields[field.ordinal()] = value == null ? null : new Written(value, stamp);
    }
    Map<String, Written> grouping = new TreeMap<>();
    event.groupingSids().forEach((name, sid) -> grouping.put(name, new Written(sid, stamp)));
    return new RecordingState(
        event.recordingSid(),
        event.accountSid(),
        StatusClaim.of(event),
        event.timestamp(),
        event.timestamp(),
        event.dateCreated(),
        deletion(event),
        fields,
        grouping);
  }

  private static RecordingState merge(RecordingState current, RecordingEvent event) {
    Stamp stamp = Stamp.of(event);
    StatusClaim status = StatusClaim.stronger(current.status(), StatusClaim.of(event));
    Instant first = earlier(current.firstTimestamp(), event.timestamp());
    Instant last = later(current.lastTimestamp(), event.timestamp());
    Instant dateCreated = earlier(current.earliestDateCreated(), event.dateCreated());
    Instant deletion = earlier(current.earliestDeletion(), deletion(event));
    boolean changed =
        status != current.status()
            || first != current.firstTimestamp()
            || last != current.lastTimestamp()
            || dateCreated != current.earliestDateCreated()
            || deletion != current.earliestDeletion();

    Written[] fields = current.fields();
    for (Field field : Field.ALL) {
      Comparable<?> value = field.read(event);
      Written before = fields[field.ordinal()];
      if (value != null) {
        fields[field.ordinal()] = Written.later(before, new Written(value, stamp));
        changed |= fields[field.ordinal()] != before;
      }
    }
    Map<String, Written> grouping = current.groupingSids();
    for (Map.Entry<String, String> member : event.groupingSids().entrySet()) {
      Written before = grouping.get(member.getKey());
      Written after = Written.later(before, new Written(member.getValue(), stamp));
      if (after != before) {
        grouping = grouping == current.groupingSids() ? new TreeMap<>(grouping) : grouping;
        grouping.put(member.getKey(), after);
        changed = true;
      }
    }
    if (!changed) {
      return current;
    }
    return new RecordingState(
        current.sid(),
        current.accountSid(),
        status,
        first,
        last,
        dateCreated,
        deletion,
        fields,
        grouping);
  }

  private static Instant deletion(RecordingEvent event) {
    return event.type() == EventType.DELETED ? event.timestamp() : null;
  }

  /** The earlier of two optional instants; {@code current} itself on a tie or a null candidate. */
  private static Instant earlier(Instant current, Instant candidate) {
    if (candidate == null) {
      return current;
    }
    return current == null || candidate.isBefore(current) ? candidate : current;
  }

  private static Instant later(Instant current, Instant candidate) {
    return candidate.isAfter(current) ? candidate : current;
  }
}
