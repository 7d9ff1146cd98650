package dev.recordingsindexer.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recordingsindexer.api.config.ConfigException;
import dev.recordingsindexer.api.config.ServiceConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpLimitsSettingsTest {

  @Test
  void shouldDefaultToA30SecondIdleTimeoutNoRateLimitAndTheAuthFailureLimits() {
    HttpLimits limits = ServiceConfig.fromEnvironment(Map.of()).httpLimits();

    assertThat(limits).isEqualTo(HttpLimits.defaults());
    assertThat(limits.idleTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(limits.ratePerSecond()).isZero();
    assertThat(limits.authFailuresPerHour()).isEqualTo(100);
    assertThat(limits.authFailuresPerHourPerAddress()).isEqualTo(1_000);
    assertThat(limits.trustForwardedFor()).isFalse();
  }

  @Test
  void shouldReadEveryLimitFromTheEnvironment() {
    HttpLimits limits =
        ServiceConfig.fromEnvironment(
                Map.of(
                    "HTTP_IDLE_TIMEOUT_MS", "1500",
                    "RATE_LIMIT_PER_SECOND", "20",
                    "RATE_LIMIT_BURST", "50",
                    "AUTH_FAILURES_PER_HOUR", "10",
                    "AUTH_FAILURES_PER_HOUR_PER_ADDRESS", "0",
                    "TRUST_X_FORWARDED_FOR", "true"))
            .httpLimits();

    assertThat(limits).isEqualTo(new HttpLimits(Duration.ofMillis(1500), 20, 50, 10, 0, true));
  }

  @Test
  void shouldDefaultTheBurstToTheRate() {
    HttpLimits limits =
        ServiceConfig.fromEnvironment(Map.of("RATE_LIMIT_PER_SECOND", "7")).httpLimits();

    assertThat(limits.rateBurst()).isEqualTo(7);
  }

  @Test
  void shouldRejectBadValuesNamingTheVariable() {
    assertThatThrownBy(() -> ServiceConfig.fromEnvironment(Map.of("HTTP_IDLE_TIMEOUT_MS", "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("HTTP_IDLE_TIMEOUT_MS");
    assertThatThrownBy(() -> ServiceConfig.fromEnvironment(Map.of("RATE_LIMIT_PER_SECOND", "-1")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("RATE_LIMIT_PER_SECOND");
    assertThatThrownBy(() -> ServiceConfig.fromEnvironment(Map.of("TRUST_X_FORWARDED_FOR", "yes")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("TRUST_X_FORWARDED_FOR");
  }
}
