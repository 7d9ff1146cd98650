package dev.recordingsindexer.indexer.testing;

import dev.recordingsindexer.indexer.model.Codec;
import dev.recordingsindexer.indexer.model.ContainerFormat;
import dev.recordingsindexer.indexer.model.MediaType;
import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.RecordingStatus;
import dev.recordingsindexer.indexer.model.SortKey;
import dev.recordingsindexer.indexer.query.RecordingFilter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An independent model of the contract, written from its text rather than from the production fold,
 * to tell tests what the service must answer for a stream of records.
 *
 * <p>Feed it records in delivery order; it keeps every accepted event of each recording and
 * computes each field from scratch by sorting them by (timestamp, sequence number, rank). The two
 * order-dependent rules follow delivery order: the first accepted event fixes a recording's account
 * (a later event with another account is dead-lettered), and a tombstone keyed by a recording SID
 * purges it and makes later events for that SID be ignored. A null value whose key is not a
 * recording SID is counted as a dead letter (the contract is silent; the generator never sends
 * one). Not thread-safe.
 */
public final class ContractOracle {

  private static final Comparator<ContractEvent> FOLD_ORDER =
      Comparator.comparing(ContractEvent::timestamp)
          .thenComparingLong(ContractEvent::sequence)
          .thenComparingInt(ContractEvent::rank);
  private static final Comparator<ContractEvent> STATUS_ORDER =
      Comparator.comparingInt(ContractEvent::rank)
          .thenComparing(ContractEvent::timestamp)
          .thenComparingLong(ContractEvent::sequence);
  private static final Map<String, RecordingStatus> STATUS_OF =
      Map.of(
          "recording-started", RecordingStatus.PROCESSING,
          "recording-completed", RecordingStatus.COMPLETED,
          "recording-failed", RecordingStatus.FAILED,
          "recording-deleted", RecordingStatus.DELETED);

  private final Map<String, List<ContractEvent>> eventsBySid = new LinkedHashMap<>();
  private final Set<String> purged = new HashSet<>();
  private int deadLetters;
  private List<Recording> folded;

  /** Feeds every record, in delivery order. */
  public ContractOracle acceptAll(List<RawRecord> records) {
    records.forEach(record -> accept(record.key(), record.value()));
    return this;
  }

  /** Feeds one record: {@code value} null is a tombstone. */
  public void accept(String key, String value) {
    folded = null;
    if (value == null) {
      if (key != null && ContractEvent.RECORDING_SID.matcher(key).matches()) {
        eventsBySid.remove(key);
        purged.add(key);
      } else {
        deadLetters++;
      }
      return;
    }
    Optional<ContractEvent> read = ContractEvent.read(value);
    if (read.isEmpty()) {
      deadLetters++;
      return;
    }
    ContractEvent event = read.get();
    if (purged.contains(event.recordingSid())) {
      return;
    }
    List<ContractEvent> events = eventsBySid.get(event.recordingSid());
    if (events != null && !events.get(0).accountSid().equals(event.accountSid())) {
      deadLetters++;
      return;
    }
    eventsBySid.computeIfAbsent(event.recordingSid(), sid -> new ArrayList<>()).add(event);
  }

  /** How many records must have reached the dead-letter topic. */
  public int deadLetterCount() {
    return deadLetters;
  }

  /** Every recording, of every account, in list order. */
  public List<Recording> recordings() {
    if (folded == null) {
      folded =
          eventsBySid.values().stream()
              .map(ContractOracle::fold)
              .sorted(Comparator.comparing(SortKey::of))
              .toList();
    }
    return folded;
  }

  /** The recording as fetch must answer it; empty when unknown or purged. */
  public Optional<Recording> recording(String sid) {
    return Optional.ofNullable(eventsBySid.get(sid)).map(ContractOracle::fold);
  }

  /** Every match of the account's list query, in list order: all pages concatenated. */
  public List<Recording> list(String accountSid, RecordingFilter filter) {
    return recordings().stream()
        .filter(recording -> recording.accountSid().equals(accountSid))
        .filter(recording -> filter.status() == null || recording.status() == filter.status())
        .filter(r -> filter.sourceSid() == null || filter.sourceSid().equals(r.sourceSid()))
        .filter(r -> filter.mediaType() == null || filter.mediaType() == r.type())
        .filter(r -> r.groupingSids().values().containsAll(filter.groupingSids()))
        .filter(r -> atOrAfter(r.dateCreated(), filter.createdAtOrAfter()))
        .filter(
            r -> filter.createdBefore() == null || r.dateCreated().isBefore(filter.createdBefore()))
        .toList();
  }

  private static boolean atOrAfter(Instant date, Instant bound) {
    return bound == null || !date.isBefore(bound);
  }

  private static Recording fold(List<ContractEvent> accepted) {
    List<ContractEvent> events = new ArrayList<>(accepted);
    events.sort(FOLD_ORDER);
    ContractEvent first = events.get(0);
    Map<String, Object> fields = new HashMap<>();
    Map<String, String> grouping = new HashMap<>();
    for (ContractEvent event : events) {
      fields.putAll(event.fields());
      grouping.putAll(event.groupingSids());
    }
    Instant dateCreated =
        events.stream()
            .map(ContractEvent::dateCreated)
            .filter(Objects::nonNull)
            .min(Comparator.naturalOrder())
            .orElse(first.timestamp());
    Instant dateDeleted =
        events.stream()
            .filter(event -> event.eventType().equals("recording-deleted"))
            .map(ContractEvent::timestamp)
            .min(Comparator.naturalOrder())
            .orElse(null);
    return new Recording(
        first.recordingSid(),
        first.accountSid(),
        STATUS_OF.get(events.stream().max(STATUS_ORDER).orElseThrow().eventType()),
        seconds(dateCreated),
        seconds(events.get(events.size() - 1).timestamp()),
        seconds(dateDeleted),
        (String) fields.get("source_sid"),
        (Long) fields.get("size"),
        Optional.ofNullable((String) fields.get("type")).flatMap(MediaType::fromWire).orElse(null),
        (Long) fields.get("duration"),
        Optional.ofNullable((String) fields.get("container_format"))
            .flatMap(ContainerFormat::fromWire)
            .orElse(null),
        Optional.ofNullable((String) fields.get("codec")).flatMap(Codec::fromAnyCase).orElse(null),
        inApiOrder(grouping),
        (String) fields.get("track_name"),
        (Long) fields.get("offset"),
        (String) fields.get("media_external_location"),
        (String) fields.get("status_callback"),
        (String) fields.get("status_callback_method"),
        (String) fields.get("encryption_key"));
  }

  private static Map<String, String> inApiOrder(Map<String, String> grouping) {
    Map<String, String> ordered = new LinkedHashMap<>();
    for (String first : List.of("room_sid", "participant_sid")) {
      if (grouping.containsKey(first)) {
        ordered.put(first, grouping.get(first));
      }
    }
    new TreeMap<>(grouping).forEach(ordered::putIfAbsent);
    return ordered;
  }

  private static Instant seconds(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS);
  }
}
