package dev.recordingsindexer.indexer.store;

import dev.recordingsindexer.indexer.fold.RecordingStateCodec;
import dev.recordingsindexer.indexer.model.MediaType;
import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.RecordingStatus;
import java.util.Arrays;

/**
 * The value of an index entry that stores its recording ({@link
 * dev.recordingsindexer.indexer.index.IndexEntries#storeRecordings}): the recording's status and
 * media type, one byte each, then its stored state ({@link RecordingStateCodec}). The two bytes let
 * a walk that filters on either pass over a recording without decoding it. Codes come from the
 * fixed tables below, never from enum ordinals. Stateless.
 */
final class RecordingEntryValue {

  private static final RecordingStatus[] STATUSES = {
    RecordingStatus.PROCESSING,
    RecordingStatus.COMPLETED,
    RecordingStatus.DELETED,
    RecordingStatus.FAILED
  };
  // Code 0: no media type known yet.
  private static final MediaType[] TYPES = {null, MediaType.AUDIO, MediaType.VIDEO, MediaType.DATA};
  private static final int HEADER = 2;

  private RecordingEntryValue() {}

  /** The value for {@code recording}, whose stored state is {@code state}. */
  static byte[] encode(Recording recording, byte[] state) {
    byte[] value = new byte[HEADER + state.length];
    value[0] = code(STATUSES, recording.status());
    value[1] = code(TYPES, recording.type());
    System.arraycopy(state, 0, value, HEADER, state.length);
    return value;
  }

  /** The recording a value stores. */
  static Recording recording(byte[] value) {
    requireHeader(value);
    return RecordingStateCodec.decode(Arrays.copyOfRange(value, HEADER, value.length))
        .toRecording();
  }

  /**
   * Whether the recording a value stores has {@code status} and {@code type}; a null one matches
   * any. Reads the two leading bytes only.
   */
  static boolean matches(byte[] value, RecordingStatus status, MediaType type) {
    requireHeader(value);
    return (status == null || value[0] == code(STATUSES, status))
        && (type == null || value[1] == code(TYPES, type));
  }

  private static void requireHeader(byte[] value) {
    if (value.length <= HEADER) {
      throw new IllegalArgumentException("not a date entry value: " + value.length + " bytes");
    }
  }

  private static <T> byte code(T[] table, T value) {
    for (int i = 0; i < table.length; i++) {
      if (table[i] == value) {
        return (byte) i;
      }
    }
    throw new IllegalArgumentException("no code for " + value);
  }
}
