package dev.recordingsindexer.indexer.topology;

import java.time.Duration;
import java.util.Objects;

/**
 * What the topology needs to know from the process configuration.
 *
 * @param inputTopic the recording events topic
 * @param deadLetterTopic where invalid records go, unchanged, with the reason in headers
 * @param purgeMarkerRetention how long a purged SID stays blocked against late events
 */
public record IndexerSettings(
    String inputTopic, String deadLetterTopic, Duration purgeMarkerRetention) {

  public static final String DEFAULT_INPUT_TOPIC = "recording-events";
  public static final String DEFAULT_DEAD_LETTER_TOPIC = "recording-events-dlq";
  public static final Duration DEFAULT_PURGE_MARKER_RETENTION = Duration.ofDays(7);

  public IndexerSettings {
    Objects.requireNonNull(inputTopic, "inputTopic");
    Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
    Objects.requireNonNull(purgeMarkerRetention, "purgeMarkerRetention");
    if (inputTopic.equals(deadLetterTopic)) {
      throw new IllegalArgumentException("the dead-letter topic must differ from the input topic");
    }
  }

  public static IndexerSettings defaults() {
    return new IndexerSettings(
        DEFAULT_INPUT_TOPIC, DEFAULT_DEAD_LETTER_TOPIC, DEFAULT_PURGE_MARKER_RETENTION);
  }
}
