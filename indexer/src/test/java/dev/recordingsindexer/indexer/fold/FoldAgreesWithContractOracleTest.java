package dev.recordingsindexer.indexer.fold;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recordingsindexer.indexer.event.EventParser;
import dev.recordingsindexer.indexer.event.ParseResult;
import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.SortKey;
import dev.recordingsindexer.indexer.testing.ChaosEventGenerator;
import dev.recordingsindexer.indexer.testing.ContractOracle;
import dev.recordingsindexer.indexer.testing.RawRecord;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Seeded chaotic streams (out of order, duplicated, malformed, conflicting) through the parser and
 * the fold, compared with the contract's independent oracle. Tombstones are applied the simplest
 * way (drop the state, ignore the SID afterwards), as the oracle models them.
 */
class FoldAgreesWithContractOracleTest {

  private static final Pattern RECORDING_SID = Pattern.compile("RT[0-9a-fA-F]{32}");

  private final EventParser parser = new EventParser();

  @Test
  void shouldFoldChaoticStreamsIntoTheRecordingsTheOracleExpects() {
    for (long seed = 1; seed <= 30; seed++) {
      List<RawRecord> records = new ChaosEventGenerator(seed).generate(150);
      ContractOracle oracle = new ContractOracle().acceptAll(records);

      Map<String, RecordingState> states = new HashMap<>();
      Set<String> purged = new HashSet<>();
      int deadLetters = 0;
      for (RawRecord record : records) {
        if (record.isTombstone()) {
          if (record.key() != null && RECORDING_SID.matcher(record.key()).matches()) {
            states.remove(record.key());
            purged.add(record.key());
          } else {
            deadLetters++;
          }
          continue;
        }
        ParseResult parsed = parser.parse(record.value().getBytes(StandardCharsets.UTF_8));
        if (!(parsed instanceof ParseResult.Valid valid)) {
          deadLetters++;
          continue;
        }
        String sid = valid.event().recordingSid();
        if (purged.contains(sid)) {
          continue;
        }
        FoldResult result = RecordingFold.apply(states.get(sid), valid.event());
        if (result instanceof FoldResult.Applied applied) {
          states.put(sid, applied.state());
        } else {
          deadLetters++;
        }
      }
      List<Recording> recordings =
          states.values().stream()
              .map(RecordingState::toRecording)
              .sorted((a, b) -> SortKey.of(a).compareTo(SortKey.of(b)))
              .toList();

      assertThat(recordings).as("seed %d", seed).containsExactlyElementsOf(oracle.recordings());
      assertThat(deadLetters).as("dead letters, seed %d", seed).isEqualTo(oracle.deadLetterCount());
    }
  }
}
