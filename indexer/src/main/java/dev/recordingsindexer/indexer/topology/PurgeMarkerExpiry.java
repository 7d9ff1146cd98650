package dev.recordingsindexer.indexer.topology;

import dev.recordingsindexer.indexer.store.RecordingStore;
import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.streams.processor.Punctuator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expires purge markers older than the retention, on wall-clock time: after that, events for a
 * purged SID create the recording again. Runs on the stream thread of the task owning the store.
 */
final class PurgeMarkerExpiry implements Punctuator {

  private static final Logger LOG = LoggerFactory.getLogger(PurgeMarkerExpiry.class);
  private static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
  private static final Duration MAX_INTERVAL = Duration.ofMinutes(1);

  private final RecordingStore store;
  private final Duration retention;

  PurgeMarkerExpiry(RecordingStore store, Duration retention) {
    this.store = Objects.requireNonNull(store, "store");
    this.retention = Objects.requireNonNull(retention, "retention");
    if (retention.isNegative()) {
      throw new IllegalArgumentException("purge marker retention must not be negative");
    }
  }

  /**
   * How often to run: the retention, kept between one second and one minute, so a marker lives at
   * most one interval longer than the retention.
   */
  Duration interval() {
    Duration interval = retention.compareTo(MAX_INTERVAL) > 0 ? MAX_INTERVAL : retention;
    return interval.compareTo(MIN_INTERVAL) < 0 ? MIN_INTERVAL : interval;
  }

  @Override
  public void punctuate(long nowMs) {
    int expired = store.expirePurgeMarkers(nowMs - retention.toMillis());
    if (expired > 0) {
      LOG.debug("Expired {} purge markers", expired);
    }
  }
}
