package dev.recordingsindexer.indexer.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PurgeMarkerExpiryTest {

  private final FakeRecordingStore store = new FakeRecordingStore();

  @Test
  void shouldExpireOnlyMarkersOlderThanTheRetention() {
    PurgeMarkerExpiry expiry = new PurgeMarkerExpiry(store, Duration.ofMillis(100));
    store.purge("RTold", 1_000L);
    store.purge("RTnew", 1_050L);

    expiry.punctuate(1_140L);

    assertThat(store.isPurged("RTold")).isFalse();
    assertThat(store.isPurged("RTnew")).isTrue();
  }

  @Test
  void shouldRunBetweenOnceASecondAndOnceAMinute() {
    assertThat(new PurgeMarkerExpiry(store, Duration.ZERO).interval())
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(new PurgeMarkerExpiry(store, Duration.ofSeconds(30)).interval())
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(new PurgeMarkerExpiry(store, Duration.ofDays(7)).interval())
        .isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void shouldRefuseANegativeRetention() {
    assertThatThrownBy(() -> new PurgeMarkerExpiry(store, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
