package dev.recordingsindexer.indexer.fold;

/**
 * The stored form of a {@link RecordingState}: the value of the recordings store and its changelog.
 * Versioned (first byte) so that a later release can read what an earlier one wrote. Thread-safe.
 */
public final class RecordingStateCodec {

  private RecordingStateCodec() {}

  public static byte[] encode(RecordingState state) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /**
   * Decodes what {@link #encode} wrote.
   *
   * @throws IllegalArgumentException when the bytes are not a stored state
   */
  public static RecordingState decode(byte[] bytes) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
