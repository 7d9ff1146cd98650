package dev.recordingsindexer.indexer.store;

import static dev.recordingsindexer.indexer.store.States.T0;
import static dev.recordingsindexer.indexer.store.States.sid;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a store holds after its process dies without closing it (as {@code kill -9} leaves it): a
 * child JVM commits one batch with its changelog offset, stages more writes, and halts. The store
 * must reopen with exactly the committed batch and its offset, so Kafka Streams restores only the
 * rest from the changelog instead of wiping the store (transactional state stores).
 */
class StoreCrashDurabilityTest {

  private static final TopicPartition CHANGELOG = new TopicPartition("app-recordings-changelog", 0);

  @TempDir File stateDir;

  @Test
  void shouldReopenWithExactlyTheLastCommittedBatchAfterTheProcessDies() throws Exception {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                DyingWriter.class.getName(),
                stateDir.getAbsolutePath())
            .redirectErrorStream(true)
            .redirectOutput(new File(stateDir, "child.log"))
            .start();
    assertThat(child.waitFor(2, TimeUnit.MINUTES)).as("the child halted").isTrue();
    assertThat(child.exitValue())
        .as("the child's exit (see child.log)")
        .isEqualTo(DyingWriter.HALT);

    IndexedRecordingStore store =
        new IndexedRecordingStore(
            "recordings", RocksDbSettings.defaults(), new CapturedChangelog().factory());
    store.init(new TestStoreContext(stateDir), store);
    try {
      assertThat(store.committedOffset(CHANGELOG)).isEqualTo(DyingWriter.COMMITTED_OFFSET);
      for (int i = 0; i < DyingWriter.COMMITTED; i++) {
        assertThat(store.get(sid(i))).as("committed recording %s", i).isPresent();
      }
      assertThat(store.get(sid(DyingWriter.COMMITTED))).as("a staged recording").isEmpty();
      assertThat(store.isPurged(sid(0))).as("a staged purge").isFalse();
      assertThat(store.approximateCount()).isEqualTo(DyingWriter.COMMITTED);
    } finally {
      store.close();
    }
  }

  /** The child: commits a batch, stages more, then halts without closing anything. */
  static final class DyingWriter {
    static final int HALT = 42;
    static final int COMMITTED = 500;
    static final long COMMITTED_OFFSET = 1_234L;

    public static void main(String[] args) {
      IndexedRecordingStore store =
          new IndexedRecordingStore(
              "recordings", RocksDbSettings.defaults(), new CapturedChangelog().factory());
      store.init(new TestStoreContext(new File(args[0])), store);
      for (int i = 0; i < COMMITTED; i++) {
        store.put(States.started(sid(i), T0));
      }
      store.commit(Map.of(CHANGELOG, COMMITTED_OFFSET));
      for (int i = COMMITTED; i < COMMITTED + 100; i++) {
        store.put(States.started(sid(i), T0));
      }
      store.purge(sid(0), 1_000);
      System.out.println("halting with staged writes");
      Runtime.getRuntime().halt(HALT);
    }
  }
}
