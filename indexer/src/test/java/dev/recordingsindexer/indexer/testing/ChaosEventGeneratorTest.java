package dev.recordingsindexer.indexer.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.RecordingStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ChaosEventGeneratorTest {

  private static final Pattern OWNER =
      Pattern.compile("\"account_sid\":\"(AC\\w{32})\",\"recording_sid\":\"(RT\\w{32})\"");

  @Test
  void shouldProduceTheSameStreamForTheSameSeed() {
    assertThat(new ChaosEventGenerator(42).generate(100))
        .isEqualTo(new ChaosEventGenerator(42).generate(100))
        .isNotEqualTo(new ChaosEventGenerator(43).generate(100));
  }

  @Test
  void shouldMixKeysTombstonesDuplicatesConflictsAndMalformedRecords() {
    List<RawRecord> records = new ChaosEventGenerator(7).generate(300);

    assertThat(records).anyMatch(record -> record.key() == null);
    assertThat(records).anyMatch(record -> record.key() != null && record.key().startsWith("RM"));
    assertThat(records).anyMatch(RawRecord::isTombstone);
    assertThat(records)
        .filteredOn(record -> !record.isTombstone())
        .anyMatch(record -> Collections.frequency(records, record) > 1);
    assertThat(conflictedSids(records)).isNotEmpty();
    assertThat(new ContractOracle().acceptAll(records).deadLetterCount())
        .isGreaterThanOrEqualTo(30);
  }

  @Test
  void shouldCoverEveryStatusAndManyTiesOnDateCreated() {
    List<Recording> recordings =
        new ContractOracle().acceptAll(new ChaosEventGenerator(11).generate(300)).recordings();

    assertThat(recordings).extracting(Recording::status).contains(RecordingStatus.values());
    Map<Object, Long> perSecond =
        recordings.stream()
            .collect(Collectors.groupingBy(Recording::dateCreated, Collectors.counting()));
    assertThat(perSecond.values()).anyMatch(count -> count >= 3);
    assertThat(recordings).anyMatch(recording -> recording.groupingSids().size() == 2);
    assertThat(recordings).anyMatch(recording -> recording.codec() == null);
  }

  @Test
  void shouldFoldTheSameWhateverTheOrderOfUnconstrainedRecordings() {
    for (long seed = 1; seed <= 5; seed++) {
      List<RawRecord> records = new ChaosEventGenerator(seed).generate(150);
      Set<String> constrained = conflictedSids(records);
      records.stream().filter(RawRecord::isTombstone).map(RawRecord::key).forEach(constrained::add);
      List<RawRecord> reordered = new ArrayList<>();
      List<RawRecord> free = new ArrayList<>();
      for (RawRecord record : records) {
        boolean fixed = constrained.stream().anyMatch(sid -> mentions(record, sid));
        (fixed ? reordered : free).add(record);
      }
      Collections.reverse(free);
      reordered.addAll(free);

      assertThat(new ContractOracle().acceptAll(reordered).recordings())
          .as("seed %d", seed)
          .isEqualTo(new ContractOracle().acceptAll(records).recordings());
    }
  }

  private static Set<String> conflictedSids(List<RawRecord> records) {
    Map<String, Set<String>> accounts = new HashMap<>();
    for (RawRecord record : records) {
      Matcher owner = OWNER.matcher(record.value() == null ? "" : record.value());
      if (owner.find()) {
        accounts.computeIfAbsent(owner.group(2), sid -> new HashSet<>()).add(owner.group(1));
      }
    }
    Set<String> conflicted = new HashSet<>();
    accounts.forEach(
        (sid, owners) -> {
          if (owners.size() > 1) {
            conflicted.add(sid);
          }
        });
    return conflicted;
  }

  private static boolean mentions(RawRecord record, String sid) {
    return sid.equals(record.key()) || (record.value() != null && record.value().contains(sid));
  }
}
