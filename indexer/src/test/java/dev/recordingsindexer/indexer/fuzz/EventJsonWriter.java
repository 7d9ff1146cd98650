package dev.recordingsindexer.indexer.fuzz;

import dev.recordingsindexer.indexer.event.RecordingEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Writes a parsed event back as event JSON, every member it carries and nothing else, escaping
 * every character outside printable ASCII so that any Java string (a lone surrogate included) comes
 * back unchanged when read again.
 */
final class EventJsonWriter {

  private EventJsonWriter() {}

  static byte[] write(RecordingEvent event) {
    StringJoiner members = new StringJoiner(",", "{", "}");
    member(members, "event_type", quote(event.type().wire()));
    member(members, "timestamp", quote(event.timestamp().toString()));
    if (event.sequenceNumber() != RecordingEvent.NO_SEQUENCE) {
      member(members, "sequence_number", Long.toString(event.sequenceNumber()));
    }
    member(members, "account_sid", quote(event.accountSid()));
    member(members, "recording_sid", quote(event.recordingSid()));
    text(members, "date_created", event.dateCreated() == null ? null : event.dateCreated());
    text(members, "source_sid", event.sourceSid());
    if (!event.groupingSids().isEmpty()) {
      StringJoiner grouping = new StringJoiner(",", "{", "}");
      for (Map.Entry<String, String> sid : new TreeMap<>(event.groupingSids()).entrySet()) {
        member(grouping, sid.getKey(), quote(sid.getValue()));
      }
      member(members, "grouping_sids", grouping.toString());
    }
    text(members, "track_name", event.trackName());
    text(members, "type", event.mediaType() == null ? null : event.mediaType().wire());
    text(members, "codec", event.codec() == null ? null : event.codec().wire());
    text(
        members,
        "container_format",
        event.containerFormat() == null ? null : event.containerFormat().wire());
    number(members, "size", event.size());
    number(members, "duration", event.duration());
    number(members, "offset", event.offset());
    text(members, "media_external_location", event.mediaExternalLocation());
    text(members, "status_callback", event.statusCallback());
    text(members, "status_callback_method", event.statusCallbackMethod());
    text(members, "encryption_key", event.encryptionKey());
    return members.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void member(StringJoiner members, String name, String json) {
    members.add(quote(name) + ":" + json);
  }

  private static void text(StringJoiner members, String name, Object value) {
    if (value != null) {
      member(members, name, quote(value.toString()));
    }
  }

  private static void number(StringJoiner members, String name, Long value) {
    if (value != null) {
      member(members, name, value.toString());
    }
  }

  static String quote(String text) {
    StringBuilder json = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
        json.append(c);
      } else {
        json.append(String.format("\\u%04x", (int) c));
      }
    }
    return json.append('"').toString();
  }
}
