package dev.recordingsindexer.indexer.topology;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What the topology needs to know from the process configuration.
 *
 * @param inputTopic the recording events topic
 * @param deadLetterTopic where invalid records go, unchanged, with the reason in headers
 * @param purgeMarkerRetention how long a purged SID stays blocked against late events; {@link
 *     #FOREVER} (the default) keeps every marker, as the contract's "events that arrive after the
 *     purge do not bring it back" asks; a finite retention trades that for bounded marker storage
 */
public record IndexerSettings(
    String inputTopic, String deadLetterTopic, Duration purgeMarkerRetention) {

  public static final String DEFAULT_INPUT_TOPIC = "recording-events";
  public static final String DEFAULT_DEAD_LETTER_TOPIC = "recording-events-dlq";

  /** A retention under which purge markers never expire. */
  public static final Duration FOREVER = ChronoUnit.FOREVER.getDuration();

  public static final Duration DEFAULT_PURGE_MARKER_RETENTION = FOREVER;

  public IndexerSettings {
    Objects.requireNonNull(inputTopic, "inputTopic");
    Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
    Objects.requireNonNull(purgeMarkerRetention, "purgeMarkerRetention");
    if (purgeMarkerRetention.isNegative() || purgeMarkerRetention.isZero()) {
      throw new IllegalArgumentException(
          "the purge marker retention must be positive: " + purgeMarkerRetention);
    }
    if (inputTopic.equals(deadLetterTopic)) {
      throw new IllegalArgumentException("the dead-letter topic must differ from the input topic");
    }
  }

  /** Whether purge markers expire at all. */
  public boolean purgeMarkersExpire() {
    return !FOREVER.equals(purgeMarkerRetention);
  }

  public static IndexerSettings defaults() {
    return new IndexerSettings(
        DEFAULT_INPUT_TOPIC, DEFAULT_DEAD_LETTER_TOPIC, DEFAULT_PURGE_MARKER_RETENTION);
  }
}
