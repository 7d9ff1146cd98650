package dev.recordingsindexer.indexer.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.recordingsindexer.indexer.model.Codec;
import dev.recordingsindexer.indexer.model.ContainerFormat;
import dev.recordingsindexer.indexer.model.MediaType;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads the members of one event object from a parser positioned on its {@code START_OBJECT} and
 * builds the {@link RecordingEvent}. One instance per parse: it accumulates fields, so it is not
 * thread-safe.
 *
 * <p>A member whose value is JSON {@code null} counts as absent; unknown members are skipped
 * without being interpreted. A key that appears twice, at the top level or inside {@code
 * grouping_sids}, is refused as ambiguous, even when one of the two values is null.
 */
final class EventReader {

  /** The known members, in the order of the contract's table; the ordinal is the duplicate bit. */
  private enum Member {
    EVENT_TYPE("event_type"),
    TIMESTAMP("timestamp"),
    SEQUENCE_NUMBER("sequence_number"),
    ACCOUNT_SID("account_sid"),
    RECORDING_SID("recording_sid"),
    SOURCE_SID("source_sid"),
    GROUPING_SIDS("grouping_sids"),
    TRACK_NAME("track_name"),
    TYPE("type"),
    CODEC("codec"),
    CONTAINER_FORMAT("container_format"),
    SIZE("size"),
    DURATION("duration"),
    OFFSET("offset"),
    MEDIA_EXTERNAL_LOCATION("media_external_location"),
    STATUS_CALLBACK("status_callback"),
    STATUS_CALLBACK_METHOD("status_callback_method"),
    ENCRYPTION_KEY("encryption_key"),
    DATE_CREATED("date_created");

    private static final Member[] ALL = values();

    private final String wire;

    Member(String wire) {
      this.wire = wire;
    }

    /**
     * The member named {@code name}, or null. Compares by length first: Jackson hands out a new
     * string per name, so a string switch or hash lookup would hash every name of every event.
     */
    static Member of(String name) {
      for (Member member : ALL) {
        if (member.wire.length() == name.length() && member.wire.equals(name)) {
          return member;
        }
      }
      return null;
    }
  }

  private final JsonParser parser;
  private long seenKnown;
  private Set<String> seenUnknown;

  private EventType type;
  private Instant timestamp;
  private long sequenceNumber = RecordingEvent.NO_SEQUENCE;
  private String accountSid;
  private String recordingSid;
  private Instant dateCreated;
  private String sourceSid;
  private Map<String, String> groupingSids;
  private String trackName;
  private MediaType mediaType;
  private Codec codec;
  private ContainerFormat containerFormat;
  private Long size;
  private Long duration;
  private Long offset;
  private String mediaExternalLocation;
  private String statusCallback;
  private String statusCallbackMethod;
  private String encryptionKey;

  EventReader(JsonParser parser) {
    this.parser = parser;
  }

  /** Reads members up to the object's {@code END_OBJECT} and checks the required ones. */
  RecordingEvent read() throws IOException, InvalidEventException {
    String name;
    while ((name = parser.nextFieldName()) != null) {
      Member member = markSeen(name);
      if (parser.nextToken() == JsonToken.VALUE_NULL) {
        continue;
      }
      if (member == null) {
        parser.skipChildren();
      } else {
        readMember(member, name);
      }
    }
    return build();
  }

  /** Refuses a second occurrence of {@code name}; returns the known member it names, or null. */
  private Member markSeen(String name) throws InvalidEventException {
    Member member = Member.of(name);
    boolean fresh;
    if (member != null) {
      long bit = 1L << member.ordinal();
      fresh = (seenKnown & bit) == 0;
      seenKnown |= bit;
    } else {
      seenUnknown = seenUnknown == null ? new HashSet<>() : seenUnknown;
      fresh = seenUnknown.add(name);
    }
    if (!fresh) {
      throw new InvalidEventException(name, "appears twice, and duplicate keys are ambiguous");
    }
    return member;
  }

  private void readMember(Member member, String name) throws IOException, InvalidEventException {
    switch (member) {
      case EVENT_TYPE ->
          type =
              EventType.fromWire(FieldRules.string(parser, name))
                  .orElseThrow(
                      () ->
                          oneOf(
                              name,
                              "recording-started, recording-completed, "
                                  + "recording-failed, recording-deleted"));
      case TIMESTAMP -> timestamp = FieldRules.dateTime(parser, name);
      case SEQUENCE_NUMBER -> sequenceNumber = FieldRules.nonNegativeInteger(parser, name);
      case ACCOUNT_SID -> accountSid = FieldRules.sid(parser, name, "AC", FieldRules.ACCOUNT_SID);
      case RECORDING_SID ->
          recordingSid = FieldRules.sid(parser, name, "RT", FieldRules.RECORDING_SID);
      case SOURCE_SID -> sourceSid = FieldRules.sid(parser, name, null, FieldRules.ANY_SID);
      case GROUPING_SIDS -> groupingSids = readGroupingSids(name);
      case TRACK_NAME -> trackName = FieldRules.string(parser, name);
      case TYPE ->
          mediaType =
              MediaType.fromWire(FieldRules.string(parser, name))
                  .orElseThrow(() -> oneOf(name, "audio, video, data"));
      case CODEC ->
          codec =
              Codec.fromAnyCase(FieldRules.string(parser, name))
                  .orElseThrow(() -> oneOf(name, "VP8, H264, OPUS, PCMU (any letter case)"));
      case CONTAINER_FORMAT ->
          containerFormat =
              ContainerFormat.fromWire(FieldRules.string(parser, name))
                  .orElseThrow(() -> oneOf(name, "mka, mkv"));
      case SIZE -> size = FieldRules.nonNegativeInteger(parser, name);
      case DURATION -> duration = FieldRules.nonNegativeInteger(parser, name);
      case OFFSET -> offset = FieldRules.integer(parser, name);
      case MEDIA_EXTERNAL_LOCATION -> mediaExternalLocation = FieldRules.absoluteUri(parser, name);
      case STATUS_CALLBACK -> statusCallback = FieldRules.absoluteUri(parser, name);
      case STATUS_CALLBACK_METHOD -> statusCallbackMethod = httpMethod(name);
      case ENCRYPTION_KEY -> encryptionKey = FieldRules.string(parser, name);
      case DATE_CREATED -> dateCreated = FieldRules.dateTime(parser, name);
    }
  }

  private Map<String, String> readGroupingSids(String field)
      throws IOException, InvalidEventException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw new InvalidEventException(field, "must be an object of SID strings");
    }
    Map<String, String> members = new HashMap<>();
    Set<String> seen = new HashSet<>();
    String name;
    while ((name = parser.nextFieldName()) != null) {
      String path = field + "." + name;
      if (!seen.add(name)) {
        throw new InvalidEventException(path, "appears twice, and duplicate keys are ambiguous");
      }
      if (parser.nextToken() != JsonToken.VALUE_NULL) {
        members.put(name, FieldRules.sid(parser, path, null, FieldRules.ANY_SID));
      }
    }
    return members;
  }

  private String httpMethod(String field) throws IOException, InvalidEventException {
    String value = FieldRules.string(parser, field);
    if (!value.equals("GET") && !value.equals("POST")) {
      throw oneOf(field, "GET, POST");
    }
    return value;
  }

  private RecordingEvent build() throws InvalidEventException {
    require(type, "event_type");
    require(timestamp, "timestamp");
    require(accountSid, "account_sid");
    require(recordingSid, "recording_sid");
    return new RecordingEvent(
        type,
        timestamp,
        sequenceNumber,
        accountSid,
        recordingSid,
        dateCreated,
        sourceSid,
        groupingSids,
        trackName,
        mediaType,
        codec,
        containerFormat,
        size,
        duration,
        offset,
        mediaExternalLocation,
        statusCallback,
        statusCallbackMethod,
        encryptionKey);
  }

  private static void require(Object value, String field) throws InvalidEventException {
    if (value == null) {
      throw new InvalidEventException(field, "is required");
    }
  }

  private static InvalidEventException oneOf(String field, String allowed) {
    return new InvalidEventException(field, "is not one of " + allowed);
  }
}
