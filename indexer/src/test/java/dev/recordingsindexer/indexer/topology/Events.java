package dev.recordingsindexer.indexer.topology;

import java.nio.charset.StandardCharsets;

/** Event JSON for tests, built from a few parameters; every other field is absent. */
final class Events {

  static final String ACCOUNT = "AC11111111111111111111111111111111";
  static final String OTHER_ACCOUNT = "AC22222222222222222222222222222222";
  static final String SID = "RT00000000000000000000000000000001";
  static final String ROOM = "RMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

  private Events() {}

  static String json(String type, String timestamp, String account, String sid, String extra) {
    return "{\"event_type\": \"recording-"
        + type
        + "\", \"timestamp\": \""
        + timestamp
        + "\", \"account_sid\": \""
        + account
        + "\", \"recording_sid\": \""
        + sid
        + "\""
        + (extra.isEmpty() ? "" : ", " + extra)
        + "}";
  }

  static String json(String type, String timestamp, String sid) {
    return json(type, timestamp, ACCOUNT, sid, "");
  }

  static byte[] bytes(String text) {
    return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
  }

  static String text(byte[] bytes) {
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }
}
