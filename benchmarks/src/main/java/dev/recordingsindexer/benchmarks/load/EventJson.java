package dev.recordingsindexer.benchmarks.load;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Writes one event's JSON the way Twilio's recording pipeline would report it: every field of the
 * contract that is known at that point of the lifecycle (roughly 600 to 800 bytes). Built with a
 * string builder rather than a JSON library, since the generator must outrun the producer.
 */
final class EventJson {

  private final StringBuilder json = new StringBuilder(900);

  EventJson(String eventType, Instant timestamp, int sequence) {
    json.append("{\"event_type\":\"").append(eventType);
    json.append("\",\"timestamp\":\"").append(timestamp);
    json.append("\",\"sequence_number\":").append(sequence);
  }

  /** Fields already written as JSON members, each preceded by a comma. */
  EventJson raw(String members) {
    json.append(members);
    return this;
  }

  /** The members written so far after the opening brace, for {@link #raw}. */
  static EventJson members() {
    return new EventJson();
  }

  private EventJson() {}

  String membersText() {
    return json.toString();
  }

  EventJson text(String name, String value) {
    if (value != null) {
      json.append(",\"").append(name).append("\":\"").append(value).append('"');
    }
    return this;
  }

  EventJson number(String name, long value) {
    json.append(",\"").append(name).append("\":").append(value);
    return this;
  }

  EventJson grouping(String roomSid, String participantSid) {
    json.append(",\"grouping_sids\":{\"room_sid\":\"").append(roomSid);
    json.append("\",\"participant_sid\":\"").append(participantSid).append("\"}");
    return this;
  }

  byte[] bytes() {
    return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
  }
}
