package dev.recordingsindexer.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The contract's worked examples ({@code vectors.json}, copied to the test resources). */
final class Vectors {

  static final String MALFORMED_SCENARIO = "malformed";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNode SCENARIOS = load().get("scenarios");

  private Vectors() {}

  /** Every non-null record value of every scenario except the malformed one, as JSON text. */
  static List<String> validValues() {
    List<String> values = new ArrayList<>();
    for (JsonNode scenario : SCENARIOS) {
      if (!scenario.get("name").asText().equals(MALFORMED_SCENARIO)) {
        values.addAll(values(scenario));
      }
    }
    return values;
  }

  /** The record values of the malformed scenario, in delivery order, as JSON text. */
  static List<String> malformedValues() {
    for (JsonNode scenario : SCENARIOS) {
      if (scenario.get("name").asText().equals(MALFORMED_SCENARIO)) {
        return values(scenario);
      }
    }
    throw new IllegalStateException("vectors.json has no scenario " + MALFORMED_SCENARIO);
  }

  /**
   * Every recording of every scenario's {@code expected_recordings}; fresh copies, free to modify.
   */
  static List<JsonNode> expectedRecordings() {
    List<JsonNode> recordings = new ArrayList<>();
    for (JsonNode scenario : SCENARIOS) {
      scenario
          .get("expected_recordings")
          .forEach(recording -> recordings.add(recording.deepCopy()));
    }
    return recordings;
  }

  static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + json, e);
    }
  }

  private static List<String> values(JsonNode scenario) {
    List<String> values = new ArrayList<>();
    for (JsonNode record : scenario.get("records")) {
      if (!record.get("value").isNull()) {
        values.add(record.get("value").asText());
      }
    }
    return values;
  }

  private static JsonNode load() {
    try (InputStream in = Vectors.class.getClassLoader().getResourceAsStream("vectors.json")) {
      if (in == null) {
        throw new IllegalStateException("vectors.json is not on the test classpath");
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
