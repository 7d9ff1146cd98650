package dev.recordingsindexer.indexer.fold;

import dev.recordingsindexer.indexer.event.EventType;
import dev.recordingsindexer.indexer.event.RecordingEvent;
import dev.recordingsindexer.indexer.model.Codec;
import dev.recordingsindexer.indexer.model.ContainerFormat;
import dev.recordingsindexer.indexer.model.MediaType;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Builds {@link RecordingEvent}s for fold tests; every optional field starts absent. */
final class EventBuilder {

  static final String ACCOUNT = "AC11111111111111111111111111111111";
  static final String OTHER_ACCOUNT = "AC22222222222222222222222222222222";
  static final String SID = "RT00000000000000000000000000000001";

  private final EventType type;
  private final Instant timestamp;
  private long sequence = RecordingEvent.NO_SEQUENCE;
  private String account = ACCOUNT;
  private String sid = SID;
  private Instant dateCreated;
  private String sourceSid;
  private final Map<String, String> grouping = new HashMap<>();
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

  private EventBuilder(EventType type, Instant timestamp) {
    this.type = type;
    this.timestamp = timestamp;
  }

  static EventBuilder event(EventType type, String timestamp) {
    return new EventBuilder(type, Instant.parse(timestamp));
  }

  static EventBuilder event(EventType type, Instant timestamp) {
    return new EventBuilder(type, timestamp);
  }

  EventBuilder sequence(long value) {
    sequence = value;
    return this;
  }

  EventBuilder account(String value) {
    account = value;
    return this;
  }

  EventBuilder sid(String value) {
    sid = value;
    return this;
  }

  EventBuilder dateCreated(String value) {
    dateCreated = Instant.parse(value);
    return this;
  }

  EventBuilder dateCreated(Instant value) {
    dateCreated = value;
    return this;
  }

  EventBuilder sourceSid(String value) {
    sourceSid = value;
    return this;
  }

  EventBuilder grouping(String name, String value) {
    grouping.put(name, value);
    return this;
  }

  EventBuilder trackName(String value) {
    trackName = value;
    return this;
  }

  EventBuilder mediaType(MediaType value) {
    mediaType = value;
    return this;
  }

  EventBuilder codec(Codec value) {
    codec = value;
    return this;
  }

  EventBuilder containerFormat(ContainerFormat value) {
    containerFormat = value;
    return this;
  }

  EventBuilder size(long value) {
    size = value;
    return this;
  }

  EventBuilder duration(long value) {
    duration = value;
    return this;
  }

  EventBuilder offset(long value) {
    offset = value;
    return this;
  }

  EventBuilder mediaExternalLocation(String value) {
    mediaExternalLocation = value;
    return this;
  }

  EventBuilder statusCallback(String value, String method) {
    statusCallback = value;
    statusCallbackMethod = method;
    return this;
  }

  EventBuilder encryptionKey(String value) {
    encryptionKey = value;
    return this;
  }

  RecordingEvent build() {
    return new RecordingEvent(
        type,
        timestamp,
        sequence,
        account,
        sid,
        dateCreated,
        sourceSid,
        grouping,
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
}
