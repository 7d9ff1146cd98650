package dev.recordingsindexer.indexer.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recordingsindexer.indexer.model.Codec;
import dev.recordingsindexer.indexer.model.ContainerFormat;
import dev.recordingsindexer.indexer.model.MediaType;
import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.RecordingStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The contract's worked examples ({@code vectors.json}) as typed scenarios. Looked up as the
 * classpath resource {@code /contract/vectors.json}, else at the path in the system property {@code
 * contract.vectors}, else in the shared contract folder of the development machine.
 */
public final class ContractVectors {

  /** One scenario: records in delivery order, the recordings they fold into, the dead letters. */
  public record Scenario(
      String name, List<RawRecord> records, List<Recording> expected, int deadLetters) {}

  private static final Path SHARED = Path.of("/work/shared/contract/vectors.json");

  private ContractVectors() {}

  /** Every scenario of the file, in its order. */
  public static List<Scenario> load() {
    try (InputStream in = open()) {
      List<Scenario> scenarios = new ArrayList<>();
      for (JsonNode scenario : new ObjectMapper().readTree(in).get("scenarios")) {
        scenarios.add(scenario(scenario));
      }
      return scenarios;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the contract's vectors.json", e);
    }
  }

  private static InputStream open() throws IOException {
    InputStream resource = ContractVectors.class.getResourceAsStream("/contract/vectors.json");
    if (resource != null) {
      return resource;
    }
    String property = System.getProperty("contract.vectors");
    Path path = property != null ? Path.of(property) : SHARED;
    return Files.newInputStream(path);
  }

  private static Scenario scenario(JsonNode node) {
    List<RawRecord> records = new ArrayList<>();
    for (JsonNode record : node.get("records")) {
      records.add(new RawRecord(text(record, "key"), text(record, "value")));
    }
    List<Recording> expected = new ArrayList<>();
    for (JsonNode recording : node.get("expected_recordings")) {
      expected.add(recording(recording));
    }
    return new Scenario(
        node.get("name").asText(), records, expected, node.get("expected_dead_letters").asInt());
  }

  /** A recording as the API renders it, read back into the model (url and links ignored). */
  public static Recording recording(JsonNode json) {
    Map<String, String> grouping = new LinkedHashMap<>();
    JsonNode groupingNode = json.get("grouping_sids");
    if (groupingNode != null && groupingNode.isObject()) {
      groupingNode
          .properties()
          .forEach(member -> grouping.put(member.getKey(), member.getValue().asText()));
    }
    return new Recording(
        text(json, "sid"),
        text(json, "account_sid"),
        RecordingStatus.fromWire(text(json, "status")).orElseThrow(),
        date(json, "date_created"),
        date(json, "date_updated"),
        date(json, "date_deleted"),
        text(json, "source_sid"),
        number(json, "size"),
        Optional.ofNullable(text(json, "type")).flatMap(MediaType::fromWire).orElse(null),
        number(json, "duration"),
        Optional.ofNullable(text(json, "container_format"))
            .flatMap(ContainerFormat::fromWire)
            .orElse(null),
        Optional.ofNullable(text(json, "codec")).flatMap(Codec::fromAnyCase).orElse(null),
        grouping,
        text(json, "track_name"),
        number(json, "offset"),
        text(json, "media_external_location"),
        text(json, "status_callback"),
        text(json, "status_callback_method"),
        text(json, "encryption_key"));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Long number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asLong();
  }

  private static Instant date(JsonNode node, String field) {
    String text = text(node, field);
    return text == null ? null : Instant.parse(text);
  }
}
