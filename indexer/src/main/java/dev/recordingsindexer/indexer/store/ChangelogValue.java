package dev.recordingsindexer.indexer.store;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * The value of one record of the recordings store's changelog (key: the recording SID as UTF-8):
 * either the recording's encoded state or a purge marker. A null value (a tombstone) means nothing
 * is stored under the SID any more. The first byte tells the two apart, independently of how the
 * state codec versions its own bytes.
 */
sealed interface ChangelogValue {

  byte STATE = 'S';
  byte MARKER = 'P';

  /** The recording's state as {@code RecordingStateCodec} encodes it. */
  record State(byte[] state) implements ChangelogValue {
    public State {
      Objects.requireNonNull(state, "state");
    }

    @Override
    public byte[] encode() {
      byte[] out = new byte[state.length + 1];
      out[0] = STATE;
      System.arraycopy(state, 0, out, 1, state.length);
      return out;
    }
  }

  /** The recording was purged at {@code purgedAtMs}; carries none of its data. */
  record Marker(long purgedAtMs) implements ChangelogValue {
    @Override
    public byte[] encode() {
      return ByteBuffer.allocate(1 + Long.BYTES).put(MARKER).putLong(purgedAtMs).array();
    }
  }

  byte[] encode();

  /**
   * Reads a non-null changelog value.
   *
   * @throws IllegalArgumentException when the bytes are neither form
   */
  static ChangelogValue decode(byte[] value) {
    if (value.length > 0 && value[0] == STATE) {
      return new State(Arrays.copyOfRange(value, 1, value.length));
    }
    if (value.length == 1 + Long.BYTES && value[0] == MARKER) {
      return new Marker(ByteBuffer.wrap(value, 1, Long.BYTES).getLong());
    }
    throw new IllegalArgumentException(
        "not a recordings changelog value (" + value.length + " bytes)");
  }
}
