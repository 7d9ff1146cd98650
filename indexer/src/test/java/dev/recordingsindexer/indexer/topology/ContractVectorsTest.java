package dev.recordingsindexer.indexer.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recordingsindexer.indexer.model.Recording;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scenario of the contract's {@code vectors.json}, end to end through the topology: the
 * recordings read back from the store (url and links aside, which the API adds) and the number of
 * dead letters, each of them the input record unchanged.
 */
class ContractVectorsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path stateDir;

  static Stream<JsonNode> scenarios() throws IOException {
    try (InputStream in = ContractVectorsTest.class.getResourceAsStream("/contract/vectors.json")) {
      return StreamSupport.stream(JSON.readTree(in).get("scenarios").spliterator(), false)
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("scenarios")
  void shouldFoldEachScenarioAsTheContractSays(JsonNode scenario) {
    try (IndexerDriver driver = new IndexerDriver(stateDir)) {
      List<String> values = new ArrayList<>();
      for (JsonNode record : scenario.get("records")) {
        String key = text(record.get("key"));
        String value = text(record.get("value"));
        driver.send(key, value);
        values.add(value);
      }

      for (JsonNode expected : scenario.get("expected_recordings")) {
        Recording actual = driver.store().get(expected.get("sid").asText()).orElseThrow();
        assertThat(fields(render(actual))).isEqualTo(fields(withoutLinks(expected)));
      }
      List<TestRecord<byte[], byte[]>> deadLetters = driver.deadLetters();
      assertThat(deadLetters).hasSize(scenario.get("expected_dead_letters").asInt());
      for (TestRecord<byte[], byte[]> deadLetter : deadLetters) {
        assertThat(values).contains(Events.text(deadLetter.value()));
        assertThat(deadLetter.headers().lastHeader(DeadLetterHeaders.MESSAGE)).isNotNull();
        assertThat(deadLetter.headers().lastHeader(DeadLetterHeaders.OFFSET)).isNotNull();
      }
      if (scenario.get("expected_recordings").isEmpty()) {
        assertThat(driver.store().approximateCount()).isZero();
      }
    }
  }

  /** Each field's JSON text, so that 12 and 12L compare equal. */
  private static Map<String, String> fields(JsonNode node) {
    Map<String, String> fields = new TreeMap<>();
    node.fields()
        .forEachRemaining(field -> fields.put(field.getKey(), field.getValue().toString()));
    return fields;
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }

  private static JsonNode withoutLinks(JsonNode expected) {
    Map<String, Object> fields = JSON.convertValue(expected, Map.class);
    fields.remove("url");
    fields.remove("links");
    return JSON.valueToTree(fields);
  }

  private static JsonNode render(Recording r) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("account_sid", r.accountSid());
    fields.put("status", r.status().wire());
    fields.put("date_created", r.dateCreated().toString());
    fields.put("date_updated", r.dateUpdated().toString());
    fields.put("date_deleted", r.dateDeleted() == null ? null : r.dateDeleted().toString());
    fields.put("sid", r.sid());
    fields.put("source_sid", r.sourceSid());
    fields.put("size", r.size());
    fields.put("type", r.type() == null ? null : r.type().wire());
    fields.put("duration", r.duration());
    fields.put("container_format", r.containerFormat() == null ? null : r.containerFormat().wire());
    fields.put("codec", r.codec() == null ? null : r.codec().wire());
    fields.put("grouping_sids", r.groupingSids());
    fields.put("track_name", r.trackName());
    fields.put("offset", r.offset());
    fields.put("media_external_location", r.mediaExternalLocation());
    fields.put("status_callback", r.statusCallback());
    fields.put("status_callback_method", r.statusCallbackMethod());
    fields.put("encryption_key", r.encryptionKey());
    return JSON.valueToTree(fields);
  }
}
