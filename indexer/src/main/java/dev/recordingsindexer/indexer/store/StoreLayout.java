package dev.recordingsindexer.indexer.store;

import dev.recordingsindexer.indexer.fold.RecordingStateCodec;
import dev.recordingsindexer.indexer.index.IndexKeys;
import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.SortKey;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The version of the store's key layout, under one reserved key ({@code 0x03}, below every kind
 * {@link IndexKeys} uses), and the upgrade of a store written by an older layout, run once when it
 * is opened.
 *
 * <ul>
 *   <li>1 (no key): recordings, markers and the date, grouping, source and status indexes
 *   <li>2: adds the media type index ({@link IndexKind#MEDIA_TYPE}); the upgrade adds the entry of
 *       every recording whose type is known
 * </ul>
 *
 * <p>The upgrade derives the new entries from the committed recordings alone, so it changes neither
 * the data nor the changelog offsets it matches; a crash part-way leaves the key unwritten, and the
 * next open does it again (writing an entry twice is harmless).
 */
final class StoreLayout {

  static final byte[] KEY = {0x03, 'l', 'a', 'y', 'o', 'u', 't'};
  static final int CURRENT = 2;

  private static final Logger LOG = LoggerFactory.getLogger(StoreLayout.class);

  private StoreLayout() {}

  /** The layout {@code db} is written in: 1 when it has no key (also for an empty store). */
  static int of(RocksDbHandle db) {
    byte[] stored = db.get(KEY);
    if (stored == null) {
      return 1;
    }
    if (stored.length != Integer.BYTES) {
      throw new IllegalStateException("corrupt store layout key: " + stored.length + " bytes");
    }
    return ByteBuffer.wrap(stored).getInt();
  }

  /**
   * Brings {@code db} to the {@link #CURRENT} layout.
   *
   * @throws IllegalStateException when {@code db} was written by a newer version of the service,
   *     whose layout this one cannot read
   */
  static void upgrade(RocksDbHandle db, String storeName) {
    int layout = of(db);
    if (layout == CURRENT) {
      return;
    }
    if (layout > CURRENT) {
      throw new IllegalStateException(
          "store "
              + storeName
              + " was written with layout "
              + layout
              + " by a newer version of the service; this one reads layout "
              + CURRENT
              + ": run the newer version, or delete the state directory to restore it");
    }
    long started = System.nanoTime();
    long added = addMediaTypeEntries(db);
    if (added > 0) {
      LOG.info(
          "Store {}: added {} media type index entries for layout {} in {} ms",
          storeName,
          added,
          CURRENT,
          (System.nanoTime() - started) / 1_000_000);
    }
  }

  private static long addMediaTypeEntries(RocksDbHandle db) {
    try (ChunkedWrites writes = new ChunkedWrites(db)) {
      db.forEachTagged(
          IndexKeys.recordingPrefix()[0],
          (key, value) -> {
            Recording recording = RecordingStateCodec.decode(value).toRecording();
            if (recording.type() != null) {
              writes.put(mediaTypeEntry(recording), new byte[0]);
            }
          });
      long added = writes.count();
      writes.put(KEY, ByteBuffer.allocate(Integer.BYTES).putInt(CURRENT).array());
      writes.flush();
      return added;
    }
  }

  private static byte[] mediaTypeEntry(Recording recording) {
    return IndexKeys.indexEntry(
        IndexKeys.indexPrefix(
            IndexKind.MEDIA_TYPE, recording.accountSid(), recording.type().wire()),
        SortKey.of(recording));
  }
}
