package dev.recordingsindexer.indexer.store;

import dev.recordingsindexer.indexer.index.IndexKeys;
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
 *   <li>2: adds the media type index ({@link IndexKind#MEDIA_TYPE})
 *   <li>3: the date index entries store their recording's state ({@link
 *       dev.recordingsindexer.indexer.index.IndexEntries#dateEntry})
 *   <li>4: with the recording's status and media type ahead of it ({@link RecordingEntryValue})
 *   <li>5: the status index entries of every status but completed store their recording too
 * </ul>
 *
 * <p>The upgrade of a store holding recordings drops its index entries and builds them all again
 * from the committed recordings ({@link IndexBuild}, about 5 s per 170,000 recordings), so it
 * changes neither the data nor the changelog offsets it matches; a crash part-way leaves the key
 * unwritten, and the next open does it again.
 */
final class StoreLayout {

  static final byte[] KEY = {0x03, 'l', 'a', 'y', 'o', 'u', 't'};
  static final int CURRENT = 5;

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
    if (db.hasTagged(IndexKeys.recordingPrefix()[0])) {
      LOG.info(
          "Store {}: rebuilding the indexes for layout {} (was {})", storeName, CURRENT, layout);
      IndexBuild.dropEntries(db);
      IndexBuild.build(db, storeName);
    }
    try (ChunkedWrites writes = new ChunkedWrites(db)) {
      writes.put(KEY, ByteBuffer.allocate(Integer.BYTES).putInt(CURRENT).array());
      writes.flush();
    }
  }
}
