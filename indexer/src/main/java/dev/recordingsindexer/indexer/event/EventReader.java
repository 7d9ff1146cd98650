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
import java.util.List;
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

  /** The known members, in the order of the contract's table; the index is the duplicate bit. */
  private static final List<String> KNOWN =
      List.of(
          "event_type",
          "timestamp",
          "sequence_number",
          "account_sid",
          "recording_sid",
          "source_sid",
          "grouping_sids",
          "track_name",
          "type",
          "codec",
          "container_format",
          "size",
          "duration",
          "offset",
          "media_external_location",
          "status_callback",
          "status_callback_method",
          "encryption_key",
          "date_created");

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
      markSeen(name);
      if (parser.nextToken() == JsonToken.VALUE_NULL) {
        continue;
      }
      readMember(name);
    }
    return build();
  }

  private void markSeen(String name) throws InvalidEventException {
    int index = KNOWN.indexOf(name);
    boolean fresh;
    if (index >= 0) {
      fresh = (seenKnown & (1L << index)) == 0;
      seenKnown |= 1L << index;
    } else {
      seenUnknown = seenUnknown == null ? new HashSet<>() : seenUnknown;
      fresh = seenUnknown.add(name);
    }
    if (!fresh) {
      throw new InvalidEventException(name, "appears twice, and duplicate keys are ambiguous");
    }
  }

  private void readMember(String name) throws IOException, InvalidEventException {
    switch (name) {
      case "event_type" ->
          type =
              EventType.fromWire(FieldRules.string(parser, name))
                  .orElseThrow(
                      () ->
                          oneOf(
                              name,
                              "recording-started, recording-completed, "
                                  + "recording-failed, recording-deleted"));
      case "timestamp" -> timestamp = FieldRules.dateTime(parser, name);
      case "sequence_number" -> sequenceNumber = FieldRules.nonNegativeInteger(parser, name);
      case "account_sid" -> accountSid = FieldRules.sid(parser, name, "AC", FieldRules.ACCOUNT_SID);
      case "recording_sid" ->
          recordingSid = FieldRules.sid(parser, name, "RT", FieldRules.RECORDING_SID);
      case "source_sid" -> sourceSid = FieldRules.sid(parser, name, null, FieldRules.ANY_SID);
      case "grouping_sids" -> groupingSids = readGroupingSids(name);
      case "track_name" -> trackName = FieldRules.string(parser, name);
      case "type" ->
          mediaType =
              MediaType.fromWire(FieldRules.string(parser, name))
                  .orElseThrow(() -> oneOf(name, "audio, video, data"));
      case "codec" ->
          codec =
              Codec.fromAnyCase(FieldRules.string(parser, name))
                  .orElseThrow(() -> oneOf(name, "VP8, H264, OPUS, PCMU (any letter case)"));
      case "container_format" ->
          containerFormat =
              ContainerFormat.fromWire(FieldRules.string(parser, name))
                  .orElseThrow(() -> oneOf(name, "mka, mkv"));
      case "size" -> size = FieldRules.nonNegativeInteger(parser, name);
      case "duration" -> duration = FieldRules.nonNegativeInteger(parser, name);
      case "offset" -> offset = FieldRules.integer(parser, name);
      case "media_external_location" ->
          mediaExternalLocation = FieldRules.absoluteUri(parser, name);
      case "status_callback" -> statusCallback = FieldRules.absoluteUri(parser, name);
      case "status_callback_method" -> statusCallbackMethod = httpMethod(name);
      case "encryption_key" -> encryptionKey = FieldRules.string(parser, name);
      case "date_created" -> dateCreated = FieldRules.dateTime(parser, name);
      default -> parser.skipChildren();
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
