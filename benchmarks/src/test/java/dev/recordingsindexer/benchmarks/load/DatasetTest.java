package dev.recordingsindexer.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recordingsindexer.indexer.event.EventParser;
import dev.recordingsindexer.indexer.event.ParseResult;
import dev.recordingsindexer.indexer.fold.FoldResult;
import dev.recordingsindexer.indexer.fold.RecordingFold;
import dev.recordingsindexer.indexer.fold.RecordingState;
import dev.recordingsindexer.indexer.model.Recording;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class DatasetTest {

  private static final int SIZE = 5_000;
  private static final EventParser PARSER = new EventParser();

  @Test
  void shouldGiveTheSameRecordingsAndEventsForTheSameSeedAndSize() {
    Dataset one = Dataset.of(42, SIZE);
    Dataset two = Dataset.of(42, SIZE);
    assertThat(one.accounts()).isEqualTo(two.accounts());
    assertThat(IntStream.range(0, SIZE).mapToObj(one::recording).toList())
        .isEqualTo(IntStream.range(0, SIZE).mapToObj(two::recording).toList());
    assertThat(text(one.events("t", 0, SIZE))).isEqualTo(text(two.events("t", 0, SIZE)));
    assertThat(Dataset.of(43, SIZE).recording(7)).isNotEqualTo(one.recording(7));
  }

  @Test
  void shouldWriteOnlyValidEventsThatFoldIntoTheDescribedRecordings() {
    Dataset dataset = Dataset.of(7, SIZE);
    Map<String, RecordingState> folded = new HashMap<>();
    List<Integer> sizes = new ArrayList<>();
    dataset
        .events("t", 0, SIZE)
        .forEachRemaining(
            record -> {
              sizes.add(record.value().length);
              ParseResult result = PARSER.parse(record.value());
              assertThat(result).isInstanceOf(ParseResult.Valid.class);
              var event = ((ParseResult.Valid) result).event();
              FoldResult fold = RecordingFold.apply(folded.get(event.recordingSid()), event);
              assertThat(fold).isInstanceOf(FoldResult.Applied.class);
              folded.put(event.recordingSid(), ((FoldResult.Applied) fold).state());
            });
    assertThat(folded).hasSize(SIZE);
    for (int i = 0; i < SIZE; i++) {
      Dataset.Recording expected = dataset.recording(i);
      Recording actual = folded.get(expected.sid()).toRecording();
      assertThat(actual.accountSid()).isEqualTo(expected.accountSid());
      assertThat(actual.status().wire()).isEqualTo(expected.finalStatus());
      assertThat(actual.dateCreated()).isEqualTo(expected.dateCreated());
      assertThat(actual.sourceSid()).isEqualTo(expected.sourceSid());
      assertThat(actual.groupingSids())
          .containsEntry("room_sid", expected.roomSid())
          .containsEntry("participant_sid", expected.participantSid());
      assertThat(expected.dateCreated()).isBetween(dataset.firstCreated(), dataset.lastCreated());
    }
    double meanSize = sizes.stream().mapToInt(Integer::intValue).average().orElseThrow();
    assertThat(meanSize).isBetween(600.0, 800.0);
    assertThat(sizes.size()).isBetween(2 * SIZE, 3 * SIZE);
  }

  @Test
  void shouldHaveTheRealisticShape() {
    Dataset dataset = Dataset.of(1, SIZE * 4);
    Map<String, Integer> statuses = new HashMap<>();
    int ofAccountZero = 0;
    for (int i = 0; i < dataset.recordings(); i++) {
      Dataset.Recording recording = dataset.recording(i);
      statuses.merge(recording.finalStatus(), 1, Integer::sum);
      assertThat(recording.sid()).matches("RT[0-9a-f]{32}");
      assertThat(recording.roomSid()).matches("RM[0-9a-f]{32}");
      assertThat(recording.participantSid()).matches("PA[0-9a-f]{32}");
      assertThat(recording.sourceSid()).matches("MT[0-9a-f]{32}");
      ofAccountZero += recording.accountSid().equals(dataset.accounts().get(0).sid()) ? 1 : 0;
    }
    assertThat(dataset.accounts()).hasSize(5).allMatch(a -> a.sid().matches("AC[0-9a-f]{32}"));
    assertThat(ofAccountZero / (double) dataset.recordings()).isBetween(0.5, 0.7);
    assertThat(statuses.get("completed") / (double) dataset.recordings()).isBetween(0.88, 0.94);
    assertThat(statuses).containsKeys("processing", "failed", "deleted");
  }

  @Test
  void shouldDeliverSomeRecordsOutOfOrderDuplicatedAndKeyedOtherwiseThanBySid() {
    Dataset dataset = Dataset.of(3, 2_000);
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    dataset.events("t", 0, 2_000).forEachRemaining(records::add);
    List<String> values = text(records.iterator());
    long distinct = values.stream().distinct().count();
    assertThat(values.size() - distinct).isBetween(values.size() / 40L, values.size() / 10L);
    Map<String, Integer> firstSeen = new HashMap<>();
    int completedBeforeStarted = 0;
    int unkeyedOrByRoom = 0;
    for (int i = 0; i < records.size(); i++) {
      String value = values.get(i);
      String sid = value.replaceAll(".*\"recording_sid\":\"(RT[0-9a-f]{32})\".*", "$1");
      if (value.contains("recording-started") && firstSeen.containsKey(sid)) {
        completedBeforeStarted++;
      }
      firstSeen.putIfAbsent(sid, i);
      byte[] key = records.get(i).key();
      if (key == null || !new String(key, StandardCharsets.UTF_8).equals(sid)) {
        unkeyedOrByRoom++;
      }
    }
    assertThat(completedBeforeStarted).isGreaterThan(100);
    assertThat(unkeyedOrByRoom / (double) records.size()).isBetween(0.1, 0.3);
  }

  @Test
  void shouldMakeProbesThatAreNotInTheDataSetAndHeadTheirAccount() {
    Dataset dataset = Dataset.of(42, 100);
    String account = dataset.accounts().get(0).sid();
    Dataset.Recording probe = dataset.probeRecording(account, 5);
    List<ProducerRecord<byte[], byte[]>> events = dataset.probeEvents("t", account, 5);
    assertThat(events)
        .isNotEmpty()
        .allMatch(r -> new String(r.key(), StandardCharsets.UTF_8).equals(probe.sid()));
    assertThat(events).allMatch(r -> PARSER.parse(r.value()) instanceof ParseResult.Valid);
    assertThat(probe.dateCreated()).isAfter(dataset.lastCreated());
    assertThat(IntStream.range(0, 100).mapToObj(i -> dataset.recording(i).sid()))
        .doesNotContain(probe.sid());
  }

  private static List<String> text(java.util.Iterator<ProducerRecord<byte[], byte[]>> records) {
    List<String> values = new ArrayList<>();
    records.forEachRemaining(r -> values.add(new String(r.value(), StandardCharsets.UTF_8)));
    return values;
  }
}
