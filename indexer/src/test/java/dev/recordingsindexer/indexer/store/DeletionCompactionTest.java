package dev.recordingsindexer.indexer.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * Tombstones do not stay in the way of scans: a table file written with many deletions close
 * together is compacted on its own, and the compaction drops them, even when nothing else would
 * trigger one (a single table file, no further writes).
 */
class DeletionCompactionTest {

  @TempDir File dir;

  @Test
  void shouldCompactAwayADenseRunOfDeletionsWithoutFurtherWrites() throws RocksDBException {
    try (RocksDbHandle db =
        RocksDbHandle.open("deletions", RocksDbSettings.defaults(), dir, Map.of())) {
      int entries = 10_000;
      try (WriteBatch puts = new WriteBatch()) {
        for (int i = 0; i < entries; i++) {
          puts.put(key(i), new byte[100]);
        }
        db.write(puts);
      }
      db.flush();
      try (WriteBatch deletes = new WriteBatch()) {
        for (int i = 0; i < entries; i++) {
          if (i % 100 != 0) {
            deletes.delete(key(i));
          }
        }
        db.write(deletes);
      }
      db.flush();

      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> assertThat(db.tableDeletions()).isZero());
      assertThat(db.longProperty("rocksdb.estimate-num-keys")).isEqualTo(entries / 100);
    }
  }

  private static byte[] key(int i) {
    return ByteBuffer.allocate(5).put((byte) 0x20).putInt(i).array();
  }
}
