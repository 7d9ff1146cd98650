package dev.recordingsindexer.indexer.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.testing.ContractVectors.Scenario;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ContractOracleTest {

  @TestFactory
  Stream<DynamicTest> shouldFoldEveryContractVectorIntoItsExpectedRecordings() {
    return ContractVectors.load().stream()
        .map(
            scenario ->
                DynamicTest.dynamicTest(
                    scenario.name(),
                    () -> {
                      ContractOracle oracle = new ContractOracle().acceptAll(scenario.records());
                      assertThat(oracle.recordings())
                          .as("recordings of %s", scenario.name())
                          .containsExactlyElementsOf(scenario.expected());
                      assertThat(oracle.deadLetterCount())
                          .as("dead letters of %s", scenario.name())
                          .isEqualTo(scenario.deadLetters());
                    }));
  }

  @Test
  void shouldCoverEveryScenarioOfTheContract() {
    List<Scenario> scenarios = ContractVectors.load();

    assertThat(scenarios)
        .extracting(Scenario::name)
        .contains("tombstone", "malformed", "account-conflict");
  }

  @Test
  void shouldFoldTheSameWhateverTheOrderOfOrderIndependentEvents() {
    List<Scenario> scenarios = ContractVectors.load();
    for (Scenario scenario : scenarios) {
      if (scenario.name().equals("account-conflict") || scenario.name().equals("tombstone")) {
        continue;
      }
      List<RawRecord> reversed = new ArrayList<>(scenario.records());
      Collections.reverse(reversed);

      List<Recording> folded = new ContractOracle().acceptAll(reversed).recordings();

      assertThat(folded).as(scenario.name()).containsExactlyElementsOf(scenario.expected());
    }
  }
}
