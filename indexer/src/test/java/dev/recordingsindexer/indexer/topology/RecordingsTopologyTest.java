package dev.recordingsindexer.indexer.topology;

import static dev.recordingsindexer.indexer.topology.DeadLetterRecordsTest.header;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.RecordingStatus;
import dev.recordingsindexer.indexer.model.SortKey;
import dev.recordingsindexer.indexer.store.IndexKind;
import dev.recordingsindexer.indexer.store.IndexScan;
import dev.recordingsindexer.indexer.store.RecordingReader;
import dev.recordingsindexer.indexer.store.ScanIterator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingsTopologyTest {

  private static final String SID = Events.SID;
  private static final String SID_2 = "RT00000000000000000000000000000002";
  private static final String SID_3 = "RT00000000000000000000000000000003";

  @TempDir Path stateDir;
  private IndexerDriver driver;

  @BeforeEach
  void setUp() {
    driver = new IndexerDriver(stateDir);
  }

  @AfterEach
  void tearDown() {
    driver.close();
  }

  @Test
  void shouldSetTheStatusOfEveryEventType() {
    driver.send(SID, Events.json("started", "2026-01-01T10:00:00Z", SID));
    assertThat(recording(SID).status()).isEqualTo(RecordingStatus.PROCESSING);
    driver.send(SID, Events.json("completed", "2026-01-01T10:05:00Z", SID));
    assertThat(recording(SID).status()).isEqualTo(RecordingStatus.COMPLETED);
    driver.send(SID_2, Events.json("failed", "2026-01-01T10:05:00Z", SID_2));
    assertThat(recording(SID_2).status()).isEqualTo(RecordingStatus.FAILED);
    driver.send(SID, Events.json("deleted", "2026-01-01T11:00:00.900Z", SID));

    Recording deleted = recording(SID);
    assertThat(deleted.status()).isEqualTo(RecordingStatus.DELETED);
    assertThat(deleted.dateDeleted()).isEqualTo(Instant.parse("2026-01-01T11:00:00Z"));
    assertThat(driver.deadLetters()).isEmpty();
    assertThat(driver.listener.consumed).hasValue(4);
  }

  @Test
  void shouldKeepCompletedStatusWhenStartedArrivesLate() {
    driver.send(SID, Events.json("completed", "2026-01-01T10:05:00Z", SID));
    driver.send(SID, Events.json("started", "2026-01-01T10:00:00Z", SID));

    assertThat(recording(SID).status()).isEqualTo(RecordingStatus.COMPLETED);
    assertThat(recording(SID).dateCreated()).isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
  }

  @Test
  void shouldFoldShuffledAndDuplicatedDeliveriesToTheSameRecording() {
    List<String> lifecycle =
        List.of(
            Events.json("started", "2026-01-01T10:00:00Z", Events.ACCOUNT, SID, track("mic")),
            Events.json("completed", "2026-01-01T10:05:00Z", Events.ACCOUNT, SID, "\"size\": 7"),
            Events.json("deleted", "2026-01-01T12:00:00Z", Events.ACCOUNT, SID, track("cam")));
    lifecycle.forEach(event -> driver.send(SID, event));
    Recording inOrder = recording(SID);
    Random random = new Random(42L);

    for (int run = 0; run < 20; run++) {
      String sid = String.format("RT%032x", 1_000 + run);
      List<String> deliveries = new ArrayList<>();
      for (String event : lifecycle) {
        deliveries.add(event.replace(SID, sid));
        if (random.nextBoolean()) {
          deliveries.add(event.replace(SID, sid));
        }
      }
      Collections.shuffle(deliveries, random);
      deliveries.forEach(event -> driver.send(sid, event));

      assertThat(withSid(recording(sid), SID)).as("run %d: %s", run, deliveries).isEqualTo(inOrder);
    }
    assertThat(driver.deadLetters()).isEmpty();
  }

  @Test
  void shouldGiveIdenticalResultsWhateverTheRecordKey() {
    String[] sids = {SID, SID_2, SID_3};
    String[] keys = {SID, Events.ROOM, null};
    for (int i = 0; i < sids.length; i++) {
      driver.send(keys[i], Events.json("completed", "2026-01-01T10:05:00Z", sids[i]));
      driver.send(keys[i], Events.json("started", "2026-01-01T10:00:00Z", sids[i]));
    }

    assertThat(withSid(recording(SID_2), SID)).isEqualTo(recording(SID));
    assertThat(withSid(recording(SID_3), SID)).isEqualTo(recording(SID));
    assertThat(driver.deadLetters()).isEmpty();
  }

  @Test
  void shouldMoveTheIndexEntriesWhenDateCreatedMovesEarlier() {
    String room = "\"grouping_sids\": {\"room_sid\": \"" + Events.ROOM + "\"}";
    driver.send(SID, Events.json("completed", "2026-01-01T10:05:00Z", Events.ACCOUNT, SID, room));
    SortKey late = new SortKey(Instant.parse("2026-01-01T10:05:00Z"), SID);
    assertThat(scan(IndexKind.DATE, null)).containsExactly(late);

    driver.send(SID, Events.json("started", "2026-01-01T10:00:00Z", SID));

    SortKey early = new SortKey(Instant.parse("2026-01-01T10:00:00Z"), SID);
    assertThat(scan(IndexKind.DATE, null)).containsExactly(early);
    assertThat(scan(IndexKind.GROUPING, Events.ROOM)).containsExactly(early);
    assertThat(scan(IndexKind.STATUS, "completed")).containsExactly(early);
    assertThat(scan(IndexKind.STATUS, "processing")).isEmpty();
  }

  @Test
  void shouldDeadLetterTheOriginalRecordOnAnAccountConflict() {
    driver.send(SID, Events.json("started", "2026-01-01T10:00:00Z", SID));
    String conflicting =
        Events.json("completed", "2026-01-01T10:01:00Z", Events.OTHER_ACCOUNT, SID, "");
    RecordHeaders headers = new RecordHeaders();
    headers.add("trace", Events.bytes("t-7"));

    driver.send(Events.ROOM, conflicting, headers);

    List<TestRecord<byte[], byte[]>> deadLetters = driver.deadLetters();
    assertThat(deadLetters).hasSize(1);
    TestRecord<byte[], byte[]> deadLetter = deadLetters.get(0);
    assertThat(Events.text(deadLetter.key())).isEqualTo(Events.ROOM);
    assertThat(Events.text(deadLetter.value())).isEqualTo(conflicting);
    assertThat(header(deadLetter.headers(), "trace")).isEqualTo("t-7");
    assertThat(header(deadLetter.headers(), DeadLetterHeaders.EXCEPTION))
        .isEqualTo(InvalidRecordException.class.getName());
    assertThat(header(deadLetter.headers(), DeadLetterHeaders.MESSAGE))
        .startsWith("account-conflict: ");
    assertThat(header(deadLetter.headers(), DeadLetterHeaders.TOPIC))
        .isEqualTo(driver.settings.inputTopic());
    assertThat(header(deadLetter.headers(), DeadLetterHeaders.PARTITION)).isEqualTo("0");
    assertThat(header(deadLetter.headers(), DeadLetterHeaders.OFFSET)).isEqualTo("1");
    assertThat(recording(SID).accountSid()).isEqualTo(Events.ACCOUNT);
    assertThat(recording(SID).status()).isEqualTo(RecordingStatus.PROCESSING);
    assertThat(driver.listener.deadLettered).containsExactly("account-conflict");
  }

  @Test
  void shouldDeadLetterATombstoneWithoutARecordingSidKey() {
    driver.send(null, null);
    driver.send(Events.ROOM, null);

    List<TestRecord<byte[], byte[]>> deadLetters = driver.deadLetters();
    assertThat(deadLetters).hasSize(2);
    assertThat(deadLetters.get(1).key()).isEqualTo(Events.bytes(Events.ROOM));
    assertThat(deadLetters.get(1).value()).isNull();
    assertThat(header(deadLetters.get(1).headers(), DeadLetterHeaders.MESSAGE))
        .startsWith("tombstone: ");
    assertThat(driver.listener.deadLettered).containsExactly("tombstone", "tombstone");
  }

  @Test
  void shouldPurgeOnATombstoneAndNotBringTheRecordingBack() {
    driver.send(
        SID, Events.json("started", "2026-01-01T10:00:00Z", Events.ACCOUNT, SID, track("mic")));
    driver.send(SID, null);
    driver.send(Events.ROOM, Events.json("completed", "2026-01-01T10:05:00Z", SID));

    assertThat(driver.store().get(SID)).isEmpty();
    assertThat(driver.store().isPurged(SID)).isTrue();
    assertThat(scan(IndexKind.DATE, null)).isEmpty();
    assertThat(driver.listener.purged).hasValue(1);
    assertThat(driver.deadLetters()).isEmpty();
    List<KeyValue<byte[], byte[]>> changelog = driver.changelog();
    byte[] last = changelog.get(changelog.size() - 1).value;
    assertThat(last == null || !Events.text(last).contains("mic"))
        .as("the changelog's last record for a purged SID carries none of its data")
        .isTrue();
  }

  @Test
  void shouldKeepPurgeMarkersForeverByDefault() {
    driver.send(SID, Events.json("started", "2026-01-01T10:00:00Z", SID));
    driver.send(SID, null);

    driver.advanceWallClock(Duration.ofDays(400));
    driver.send(SID, Events.json("completed", "2026-01-01T10:05:00Z", SID));

    assertThat(driver.store().isPurged(SID)).isTrue();
    assertThat(driver.store().get(SID)).isEmpty();
  }

  @Test
  void shouldAcceptTheRecordingAgainOnceItsPurgeMarkerExpired() {
    driver.close();
    IndexerSettings settings =
        new IndexerSettings("recording-events", "recording-events-dlq", Duration.ofMinutes(1));
    driver = new IndexerDriver(settings, stateDir.resolve("short-retention"));
    driver.send(SID, Events.json("started", "2026-01-01T10:00:00Z", SID));
    driver.send(SID, null);

    driver.advanceWallClock(Duration.ofSeconds(30));
    driver.send(SID, Events.json("completed", "2026-01-01T10:05:00Z", SID));
    assertThat(driver.store().get(SID)).as("still blocked within the retention").isEmpty();

    driver.advanceWallClock(Duration.ofMinutes(2));
    assertThat(driver.store().isPurged(SID)).isFalse();
    driver.send(SID, Events.json("completed", "2026-01-01T10:05:00Z", SID));

    assertThat(recording(SID).status()).isEqualTo(RecordingStatus.COMPLETED);
  }

  private Recording recording(String sid) {
    return driver.store().get(sid).orElseThrow(() -> new AssertionError("no recording " + sid));
  }

  private List<SortKey> scan(IndexKind kind, String value) {
    return scan(driver.store(), new IndexScan(kind, Events.ACCOUNT, value, null, true, true));
  }

  static List<SortKey> scan(RecordingReader reader, IndexScan scan) {
    List<SortKey> keys = new ArrayList<>();
    try (ScanIterator iterator = reader.scan(scan)) {
      iterator.forEachRemaining(keys::add);
    }
    return keys;
  }

  private static String track(String name) {
    return "\"track_name\": \"" + name + "\"";
  }

  private static Recording withSid(Recording r, String sid) {
    return new Recording(
        sid,
        r.accountSid(),
        r.status(),
        r.dateCreated(),
        r.dateUpdated(),
        r.dateDeleted(),
        r.sourceSid(),
        r.size(),
        r.type(),
        r.duration(),
        r.containerFormat(),
        r.codec(),
        r.groupingSids(),
        r.trackName(),
        r.offset(),
        r.mediaExternalLocation(),
        r.statusCallback(),
        r.statusCallbackMethod(),
        r.encryptionKey());
  }
}
