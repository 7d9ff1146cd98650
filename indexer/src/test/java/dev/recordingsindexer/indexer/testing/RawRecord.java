package dev.recordingsindexer.indexer.testing;

/**
 * One input record as a producer writes it: the key and the value as UTF-8 text.
 *
 * @param key the record key, or null for a record without key
 * @param value the JSON text of the event, or null for a tombstone
 */
public record RawRecord(String key, String value) {

  /** Whether this is a tombstone (null value). */
  public boolean isTombstone() {
    return value == null;
  }
}
