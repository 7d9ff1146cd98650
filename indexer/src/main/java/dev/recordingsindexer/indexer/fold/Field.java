package dev.recordingsindexer.indexer.fold;

import dev.recordingsindexer.indexer.event.RecordingEvent;
import java.util.function.Function;

/**
 * The recording fields decided by last writer wins, each with how to read it from an event and the
 * kind of value it holds (which the codec writes).
 *
 * <p>The declaration order is part of the stored format ({@link RecordingStateCodec} writes a
 * presence bit per field by ordinal): add new fields at the end, never reorder.
 */
enum Field {
  SOURCE_SID(ValueKind.STRING, RecordingEvent::sourceSid),
  TRACK_NAME(ValueKind.STRING, RecordingEvent::trackName),
  TYPE(ValueKind.MEDIA_TYPE, RecordingEvent::mediaType),
  CODEC(ValueKind.CODEC, RecordingEvent::codec),
  CONTAINER_FORMAT(ValueKind.CONTAINER_FORMAT, RecordingEvent::containerFormat),
  SIZE(ValueKind.LONG, RecordingEvent::size),
  DURATION(ValueKind.LONG, RecordingEvent::duration),
  OFFSET(ValueKind.LONG, RecordingEvent::offset),
  MEDIA_EXTERNAL_LOCATION(ValueKind.STRING, RecordingEvent::mediaExternalLocation),
  STATUS_CALLBACK(ValueKind.STRING, RecordingEvent::statusCallback),
  STATUS_CALLBACK_METHOD(ValueKind.STRING, RecordingEvent::statusCallbackMethod),
  ENCRYPTION_KEY(ValueKind.STRING, RecordingEvent::encryptionKey);

  /** The Java types a field's value can have; the codec has one encoding for each. */
  enum ValueKind {
    STRING,
    LONG,
    MEDIA_TYPE,
    CODEC,
    CONTAINER_FORMAT
  }

  static final Field[] ALL = values();

  private final ValueKind kind;
  private final Function<RecordingEvent, ? extends Comparable<?>> reader;

  Field(ValueKind kind, Function<RecordingEvent, ? extends Comparable<?>> reader) {
    this.kind = kind;
    this.reader = reader;
  }

  ValueKind kind() {
    return kind;
  }

  /** The value this event carries for the field, or null when it carries none. */
  Comparable<?> read(RecordingEvent event) {
    return reader.apply(event);
  }
}
