package dev.recordingsindexer.indexer.event;

/**
 * The one place that turns a record value into a {@link RecordingEvent}, enforcing the event schema
 * ({@code schemas/recording-event.schema.json}).
 *
 * <p>Never throws for any input, including null, non-UTF-8 bytes and hostile JSON: every problem is
 * an {@link ParseResult.Invalid}. Thread-safe.
 */
public final class EventParser {

  public ParseResult parse(byte[] value) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
