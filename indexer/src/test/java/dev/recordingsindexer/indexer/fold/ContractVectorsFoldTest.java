package dev.recordingsindexer.indexer.fold;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recordingsindexer.indexer.event.EventParser;
import dev.recordingsindexer.indexer.event.ParseResult;
import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.testing.ContractVectors;
import dev.recordingsindexer.indexer.testing.ContractVectors.Scenario;
import dev.recordingsindexer.indexer.testing.RawRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract's worked examples through the parser and the fold: every field of every expected
 * recording, and the dead-letter count (invalid values plus rejected events). Tombstones are the
 * topology's job, so the tombstone scenario is left to its tests.
 */
class ContractVectorsFoldTest {

  private final EventParser parser = new EventParser();

  @TestFactory
  Stream<DynamicTest> shouldFoldEachScenarioIntoItsExpectedRecordings() {
    return ContractVectors.load().stream()
        .filter(scenario -> scenario.records().stream().noneMatch(RawRecord::isTombstone))
        .map(scenario -> DynamicTest.dynamicTest(scenario.name(), () -> check(scenario)));
  }

  private void check(Scenario scenario) {
    Map<String, RecordingState> states = new LinkedHashMap<>();
    int deadLetters = 0;
    for (RawRecord record : scenario.records()) {
      ParseResult parsed = parser.parse(record.value().getBytes(StandardCharsets.UTF_8));
      if (parsed instanceof ParseResult.Valid valid) {
        String sid = valid.event().recordingSid();
        FoldResult result = RecordingFold.apply(states.get(sid), valid.event());
        if (result instanceof FoldResult.Applied applied) {
          states.put(sid, applied.state());
        } else {
          deadLetters++;
        }
      } else {
        deadLetters++;
      }
    }
    List<Recording> recordings = new ArrayList<>();
    states.values().forEach(state -> recordings.add(state.toRecording()));

    assertThat(recordings).containsExactlyInAnyOrderElementsOf(scenario.expected());
    for (Recording expected : scenario.expected()) {
      Recording actual =
          recordings.stream().filter(r -> r.sid().equals(expected.sid())).findFirst().orElseThrow();
      assertThat(actual.groupingSids().keySet())
          .as("grouping_sids order of %s", expected.sid())
          .containsExactlyElementsOf(expected.groupingSids().keySet());
    }
    assertThat(deadLetters).as("dead letters").isEqualTo(scenario.deadLetters());
  }
}
