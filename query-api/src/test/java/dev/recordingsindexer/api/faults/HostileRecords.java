package dev.recordingsindexer.api.faults;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * A seeded source of input records the service must dead-letter, of every kind issue 5 names:
 * values nested 100,000 deep, numbers of a million digits, invalid UTF-8, duplicate JSON keys, 10
 * MB strings, every field of the contract's table with every wrong JSON type, empty values and
 * tombstones without a recording SID, huge headers, not JSON, JSON that is not an object, bad
 * enums, bad SID patterns and unparseable dates; and one record larger than the service may write.
 * (Account conflicts depend on the recordings a stream holds: {@link
 * dev.recordingsindexer.indexer.testing.ChaosEventGenerator} makes them.) Each record is otherwise
 * a plausible event, so only the named defect rejects it; the few huge ones (above 100 KB) come at
 * most once in every {@value #HEAVY_EVERY} records.
 */
final class HostileRecords {

  /** One record to write, and the kind of defect it has (a label for the report). */
  record Hostile(String kind, byte[] key, byte[] value, List<Header> headers) {}

  static final int HEAVY_EVERY = 500;

  /** The kind of the one record too large for the dead-letter topic. */
  static final String OVERSIZED = "oversized";

  static final int OVERSIZED_BYTES = 17 * 1024 * 1024;

  private static final String[] FIELDS = {
    "event_type",
    "timestamp",
    "sequence_number",
    "account_sid",
    "recording_sid",
    "source_sid",
    "grouping_sids",
    "track_name",
    "type",
    "codec",
    "container_format",
    "size",
    "duration",
    "offset",
    "media_external_location",
    "status_callback",
    "status_callback_method",
    "encryption_key",
    "date_created"
  };

  /** JSON values of every type; each field below is given those its type excludes. */
  private static final String[] WRONG_TYPES = {
    "42", "-1", "1.5", "true", "false", "[]", "[\"x\"]", "{}", "{\"a\":\"b\"}", "\"text\""
  };

  private final Random random;
  private final List<String> accounts;
  private int heavy;

  HostileRecords(long seed, List<String> accounts) {
    this.random = new Random(seed);
    this.accounts = List.copyOf(accounts);
  }

  /**
   * {@code count} records, the kinds in turn; the heavy ones (above 100 KB: deep nesting, a million
   * digits, 10 MB strings, huge headers) {@code heavyEach} times each, and one {@link #OVERSIZED}.
   */
  List<Hostile> generate(int count, int heavyEach) {
    List<Hostile> records = new ArrayList<>();
    List<Hostile> heavyOnes = new ArrayList<>();
    for (int i = 0; i < heavyEach; i++) {
      heavyOnes.add(nestedDeep(i));
      heavyOnes.add(millionDigits(i));
      heavyOnes.add(tenMegabyteString(i));
      heavyOnes.add(hugeHeaders(i));
    }
    heavyOnes.add(oversized());
    int nextHeavy = 0;
    for (int i = 0; records.size() < count; i++) {
      if (i % HEAVY_EVERY == HEAVY_EVERY / 2 && nextHeavy < heavyOnes.size()) {
        records.add(heavyOnes.get(nextHeavy++));
        continue;
      }
      records.add(light(i));
    }
    heavy = nextHeavy;
    return records;
  }

  /** How many heavy records the last {@link #generate} placed. */
  int heavyPlaced() {
    return heavy;
  }

  private Hostile light(int i) {
    return switch (i % 10) {
      case 0, 1 -> wrongType(i / 10);
      case 2 -> invalidUtf8(i / 10);
      case 3 -> duplicateKeys(i / 10);
      case 4 -> empty(i / 10);
      case 5 -> notJson(i / 10);
      case 6 -> notAnObject(i / 10);
      case 7 -> badEnum(i / 10);
      case 8 -> badSid(i / 10);
      default -> badDate(i / 10);
    };
  }

  private Hostile wrongType(int n) {
    String field = FIELDS[n % FIELDS.length];
    List<String> wrong = new ArrayList<>();
    for (String value : WRONG_TYPES) {
      if (isWrongFor(field, value)) {
        wrong.add(value);
      }
    }
    String value = wrong.get((n / FIELDS.length) % wrong.size());
    return json("wrong-type", replace(event(), field, value));
  }

  /** Whether {@code value} is of a type {@code field} does not allow (JSON null never is). */
  private static boolean isWrongFor(String field, String value) {
    boolean isString = value.startsWith("\"");
    boolean isInteger = value.matches("-?\\d+");
    return switch (field) {
      case "sequence_number", "size", "duration" -> !isInteger || value.startsWith("-");
      case "offset" -> !isInteger;
      case "grouping_sids" -> !value.startsWith("{") || value.contains("\"b\"");
      case "track_name", "encryption_key" -> !isString;
      default -> true; // every other field is a string with a pattern, enum or format: "text" fails
    };
  }

  private Hostile invalidUtf8(int n) {
    byte[][] bad = {
      {(byte) 0x80}, // a continuation byte alone
      {(byte) 0xC3, 0x28}, // a lead byte without its continuation
      {(byte) 0xC0, (byte) 0xAF}, // an overlong encoding of '/'
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a UTF-16 surrogate encoded in UTF-8
      {(byte) 0xFF}, // never valid in UTF-8
      {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
      {(byte) 0xE2, (byte) 0x82} // a truncated sequence
    };
    byte[] defect = bad[n % bad.length];
    String marker = "@@BAD@@";
    String text =
        switch ((n / bad.length) % 4) {
          case 0 -> replace(event(), "track_name", "\"a" + marker + "b\"");
          case 1 -> replace(event(), "recording_sid", "\"RT" + marker + "\"");
          case 2 -> event().replace("\"type\"", "\"ty" + marker + "pe\"");
          default -> replace(event(), "note_" + n, "\"" + marker + "\"");
        };
    byte[] value = splice(text, marker, defect);
    if (n % 5 == 0) {
      // UTF-16: valid JSON text in another encoding, which the contract excludes
      value = event().getBytes(StandardCharsets.UTF_16);
    }
    byte[] key = n % 3 == 0 ? splice("RT" + marker, marker, defect) : anyKey();
    return new Hostile("invalid-utf8", key, value, List.of());
  }

  private Hostile duplicateKeys(int n) {
    String event = event();
    String body = event.substring(1, event.length() - 1);
    String duplicated =
        switch (n % 6) {
          case 0 -> "{" + body + ",\"recording_sid\":\"" + sid("RT") + "\"}";
          case 1 -> "{" + body + ",\"account_sid\":\"" + accounts.get(0) + "\"}";
          case 2 -> "{\"event_type\":\"recording-deleted\"," + body + "}";
          case 3 -> "{\"size\":null," + body + ",\"size\":5}";
          case 4 -> "{\"x\":1," + body + ",\"x\":2}";
          default ->
              replace(
                  event,
                  "grouping_sids",
                  "{\"room_sid\":\"" + sid("RM") + "\",\"room_sid\":\"" + sid("RM") + "\"}");
        };
    return json("duplicate-keys", duplicated);
  }

  private Hostile empty(int n) {
    return switch (n % 12) {
      case 0 -> new Hostile("empty", anyKey(), new byte[0], List.of());
      case 1 -> new Hostile("empty", new byte[0], new byte[0], List.of());
      case 2 -> json("empty", "{}");
      case 3 -> json("empty", "{\"\":\"\"}");
      case 4 -> json("empty", replace(event(), "event_type", "\"\""));
      case 5 -> json("empty", replace(event(), "timestamp", "\"\""));
      case 6 -> json("empty", replace(event(), "account_sid", "\"\""));
      case 7 -> json("empty", replace(event(), "recording_sid", "\"\""));
      case 8 -> json("empty", replace(event(), "media_external_location", "\"\""));
      // tombstones whose key is no recording SID: nothing to purge, so bad input
      case 9 -> new Hostile("empty", null, null, List.of());
      case 10 -> new Hostile("empty", new byte[0], null, List.of());
      default -> new Hostile("empty", utf8(sid(n % 2 == 0 ? "RM" : "rt")), null, List.of());
    };
  }

  private Hostile notJson(int n) {
    String event = event();
    String[] values = {
      "not json",
      "{",
      "}",
      "{\"event_type\":}",
      "NaN",
      event.substring(0, event.length() / 2),
      event + " trailing",
      event + event,
      "/* comment */ " + event,
      event.replace('"', '\''),
      "{event_type: \"recording-started\"}",
      " "
    };
    return json("not-json", values[n % values.length]);
  }

  private Hostile notAnObject(int n) {
    String[] values = {
      "[1,2]", "\"recording-started\"", "42", "true", "null", "[]", "[" + event() + "]", "-0.5e7"
    };
    return json("not-an-object", values[n % values.length]);
  }

  private Hostile badEnum(int n) {
    String[][] cases = {
      {"event_type", "\"recording-exploded\""},
      {"event_type", "\"RECORDING-STARTED\""},
      {"type", "\"hologram\""},
      {"type", "\"Audio\""},
      {"codec", "\"AV1\""},
      {"container_format", "\"MKA\""},
      {"container_format", "\"mp4\""},
      {"status_callback_method", "\"PUT\""},
      {"status_callback_method", "\"get\""}
    };
    String[] chosen = cases[n % cases.length];
    return json("bad-enum", replace(event(), chosen[0], chosen[1]));
  }

  private Hostile badSid(int n) {
    String hex31 = sid("RT").substring(0, 33);
    String[][] cases = {
      {"recording_sid", "\"" + hex31 + "\""},
      {"recording_sid", "\"" + sid("RT") + "0\""},
      {"recording_sid", "\"rt" + sid("RT").substring(2) + "\""},
      {"recording_sid", "\"" + sid("MT") + "\""},
      {"recording_sid", "\"RT" + "g".repeat(32) + "\""},
      {"account_sid", "\"" + sid("RT") + "\""},
      {"account_sid", "\"AC" + "z".repeat(32) + "\""},
      {"source_sid", "\"M1" + sid("MT").substring(2) + "\""},
      {"source_sid", "\"MT-not-a-sid\""},
      {"grouping_sids", "{\"room_sid\":\"RM123\"}"}
    };
    String[] chosen = cases[n % cases.length];
    return json("bad-sid", replace(event(), chosen[0], chosen[1]));
  }

  private Hostile badDate(int n) {
    String[] dates = {
      "\"yesterday\"",
      "\"2026-13-01T00:00:00Z\"",
      "\"2026-02-30T00:00:00Z\"",
      "\"2026-01-01T25:00:00Z\"",
      "\"2026-01-01T00:00:00\"",
      "\"2026-01-01\"",
      "\"2026-01-01T00:00:00+2:00\"",
      "\"\"",
      "1767225600",
      "\"2026-01-01T00:00:00.000Z junk\""
    };
    String field = n % 2 == 0 ? "timestamp" : "date_created";
    return json("bad-date", replace(event(), field, dates[(n / 2) % dates.length]));
  }

  private Hostile nestedDeep(int n) {
    int depth = 100_000;
    String value =
        switch (n % 3) {
          case 0 -> "[".repeat(depth) + "]".repeat(depth);
          case 1 -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
          default -> replace(event(), "extension", "[".repeat(depth) + "]".repeat(depth));
        };
    return json("deep-nesting", value);
  }

  private Hostile millionDigits(int n) {
    String digits = "9".repeat(1_000_000);
    String value =
        switch (n % 3) {
          case 0 -> digits;
          case 1 -> replace(event(), "size", digits);
          default -> replace(event(), "unknown_number", "0." + digits);
        };
    return json("million-digits", value);
  }

  private Hostile tenMegabyteString(int n) {
    String text = "\"" + "x".repeat(10 * 1024 * 1024) + "\"";
    String field = n % 2 == 0 ? "track_name" : "unknown_text";
    return json("10mb-string", replace(event(), field, text));
  }

  private Hostile hugeHeaders(int n) {
    List<Header> headers = new ArrayList<>();
    if (n % 2 == 0) {
      byte[] big = new byte[1024 * 1024];
      Arrays.fill(big, (byte) 'h');
      headers.add(new RecordHeader("huge", big));
    } else {
      for (int i = 0; i < 10_000; i++) {
        headers.add(new RecordHeader("h" + i, utf8("value-" + i)));
      }
    }
    headers.add(new RecordHeader("", null));
    return new Hostile("huge-headers", anyKey(), utf8("not json"), headers);
  }

  /**
   * Not JSON, and larger than the largest record the service writes ({@value #OVERSIZED_BYTES}
   * bytes): its dead letter is cut to fit, with a header saying so.
   */
  private Hostile oversized() {
    byte[] value = new byte[OVERSIZED_BYTES];
    Arrays.fill(value, (byte) 'o');
    return new Hostile(OVERSIZED, anyKey(), value, List.of(new RecordHeader("trace", utf8("t"))));
  }

  /** A plausible, valid event of a fresh recording. */
  private String event() {
    return "{\"event_type\":\"recording-started\",\"timestamp\":\"2026-01-01T00:00:"
        + String.format("%02d", random.nextInt(60))
        + ".123Z\",\"account_sid\":\""
        + accounts.get(random.nextInt(accounts.size()))
        + "\",\"recording_sid\":\""
        + sid("RT")
        + "\",\"type\":\"audio\"}";
  }

  /** The event with {@code field} set to the JSON text {@code value} (added when absent). */
  private static String replace(String event, String field, String value) {
    String quoted = "\"" + field + "\":";
    int at = event.indexOf(quoted);
    if (at < 0) {
      return event.substring(0, event.length() - 1) + "," + quoted + value + "}";
    }
    int start = at + quoted.length();
    int end = start;
    if (event.charAt(start) == '"') {
      end = event.indexOf('"', start + 1) + 1;
    } else {
      while (event.charAt(end) != ',' && event.charAt(end) != '}') {
        end++;
      }
    }
    return event.substring(0, start) + value + event.substring(end);
  }

  private static byte[] splice(String text, String marker, byte[] defect) {
    int at = text.indexOf(marker);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(utf8(text.substring(0, at)));
    out.writeBytes(defect);
    out.writeBytes(utf8(text.substring(at + marker.length())));
    return out.toByteArray();
  }

  private Hostile json(String kind, String value) {
    return new Hostile(kind, anyKey(), utf8(value), List.of());
  }

  /** No key, a recording SID, a room SID or an empty key, as producers may send. */
  private byte[] anyKey() {
    return switch (random.nextInt(4)) {
      case 0 -> null;
      case 1 -> utf8(sid("RT"));
      case 2 -> utf8(sid("RM"));
      default -> new byte[0];
    };
  }

  private String sid(String prefix) {
    StringBuilder sid = new StringBuilder(prefix);
    for (int i = 0; i < 32; i++) {
      sid.append(Character.forDigit(random.nextInt(16), 16));
    }
    return sid.toString();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
