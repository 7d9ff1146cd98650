package dev.recordingsindexer.indexer.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One event as the contract's input table defines it, checked field by field against that table
 * (written from the contract's text, independently of the production parser).
 *
 * @param rank started 0, completed and failed 1, deleted 2
 * @param sequence the sequence number, -1 when absent
 * @param dateCreated the explicit date_created, or null
 * @param fields every other non-null field, by its JSON name: text for strings and enums, Long for
 *     integers
 * @param groupingSids the grouping_sids members, empty when absent
 */
record ContractEvent(
    String eventType,
    int rank,
    Instant timestamp,
    long sequence,
    String accountSid,
    String recordingSid,
    Instant dateCreated,
    Map<String, Object> fields,
    Map<String, String> groupingSids) {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final Pattern RFC3339 =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})");
  static final Pattern SID = Pattern.compile("[a-zA-Z]{2}[0-9a-fA-F]{32}");
  static final Pattern RECORDING_SID = Pattern.compile("RT[0-9a-fA-F]{32}");
  private static final Pattern ACCOUNT_SID = Pattern.compile("AC[0-9a-fA-F]{32}");
  private static final Map<String, Integer> RANKS =
      Map.of(
          "recording-started", 0,
          "recording-completed", 1,
          "recording-failed", 1,
          "recording-deleted", 2);
  private static final Set<String> TEXT_FIELDS = Set.of("track_name", "encryption_key");
  private static final Set<String> URI_FIELDS =
      Set.of("media_external_location", "status_callback");
  private static final Map<String, Set<String>> ENUM_FIELDS =
      Map.of(
          "type", Set.of("audio", "video", "data"),
          "container_format", Set.of("mka", "mkv"),
          "status_callback_method", Set.of("GET", "POST"));
  private static final Set<String> CODECS = Set.of("VP8", "H264", "OPUS", "PCMU");

  /** The event in {@code value}, or empty when the value breaks any rule of the table. */
  static Optional<ContractEvent> read(String value) {
    JsonNode root;
    try {
      root = JSON.readTree(value);
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
    if (root == null || !root.isObject()) {
      return Optional.empty();
    }
    try {
      return Optional.of(of(root));
    } catch (IllegalArgumentException invalid) {
      return Optional.empty();
    }
  }

  private static ContractEvent of(JsonNode root) {
    String type = text(root, "event_type", true);
    Integer rank = RANKS.get(type);
    check(rank != null);
    Instant timestamp = date(text(root, "timestamp", true));
    long sequence = -1;
    if (present(root, "sequence_number")) {
      sequence = integer(root.get("sequence_number"));
      check(sequence >= 0);
    }
    String account = text(root, "account_sid", true);
    check(ACCOUNT_SID.matcher(account).matches());
    String sid = text(root, "recording_sid", true);
    check(RECORDING_SID.matcher(sid).matches());
    String dateCreated = text(root, "date_created", false);
    Map<String, Object> fields = new HashMap<>();
    optionalFields(root, fields);
    return new ContractEvent(
        type,
        rank,
        timestamp,
        sequence,
        account,
        sid,
        dateCreated == null ? null : date(dateCreated),
        Map.copyOf(fields),
        grouping(root));
  }

  private static void optionalFields(JsonNode root, Map<String, Object> fields) {
    String source = text(root, "source_sid", false);
    if (source != null) {
      check(SID.matcher(source).matches());
      fields.put("source_sid", source);
    }
    for (String name : TEXT_FIELDS) {
      putIfPresent(fields, name, text(root, name, false));
    }
    for (String name : URI_FIELDS) {
      String uri = text(root, name, false);
      if (uri != null) {
        check(isAbsoluteUri(uri));
        fields.put(name, uri);
      }
    }
    for (Map.Entry<String, Set<String>> field : ENUM_FIELDS.entrySet()) {
      String wire = text(root, field.getKey(), false);
      check(wire == null || field.getValue().contains(wire));
      putIfPresent(fields, field.getKey(), wire);
    }
    String codec = text(root, "codec", false);
    if (codec != null) {
      String upper = codec.toUpperCase(Locale.ROOT);
      check(CODECS.contains(upper));
      fields.put("codec", upper);
    }
    for (String name : new String[] {"size", "duration"}) {
      if (present(root, name)) {
        long number = integer(root.get(name));
        check(number >= 0);
        fields.put(name, number);
      }
    }
    if (present(root, "offset")) {
      fields.put("offset", integer(root.get("offset")));
    }
  }

  private static Map<String, String> grouping(JsonNode root) {
    if (!present(root, "grouping_sids")) {
      return Map.of();
    }
    JsonNode node = root.get("grouping_sids");
    check(node.isObject());
    Map<String, String> members = new HashMap<>();
    for (Map.Entry<String, JsonNode> member : node.properties()) {
      if (member.getValue().isNull()) {
        continue;
      }
      check(member.getValue().isTextual() && SID.matcher(member.getValue().asText()).matches());
      members.put(member.getKey(), member.getValue().asText());
    }
    return Map.copyOf(members);
  }

  private static boolean present(JsonNode root, String name) {
    JsonNode node = root.get(name);
    return node != null && !node.isNull();
  }

  private static String text(JsonNode root, String name, boolean required) {
    if (!present(root, name)) {
      check(!required);
      return null;
    }
    JsonNode node = root.get(name);
    check(node.isTextual());
    return node.asText();
  }

  private static long integer(JsonNode node) {
    check(node.isIntegralNumber() && node.canConvertToLong());
    return node.asLong();
  }

  private static Instant date(String text) {
    check(RFC3339.matcher(text).matches());
    try {
      return OffsetDateTime.parse(text.toUpperCase(Locale.ROOT)).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("unparseable date: " + text, e);
    }
  }

  private static boolean isAbsoluteUri(String text) {
    try {
      return new URI(text).isAbsolute();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static void putIfPresent(Map<String, Object> fields, String name, Object value) {
    if (value != null) {
      fields.put(name, value);
    }
  }

  private static void check(boolean rule) {
    if (!rule) {
      throw new IllegalArgumentException("the event breaks the contract's input table");
    }
  }
}
