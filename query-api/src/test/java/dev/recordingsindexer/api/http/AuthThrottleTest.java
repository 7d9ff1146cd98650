package dev.recordingsindexer.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AuthThrottleTest {

  private static final String VICTIM = "AC" + "a".repeat(32);
  private static final String OTHER = "AC" + "b".repeat(32);
  private static final String ATTACKER_ADDRESS = "203.0.113.7";
  private static final String OWNER_ADDRESS = "198.51.100.20";

  private final AtomicLong now = new AtomicLong();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AuthThrottle throttle =
      new AuthThrottle(100, 1_000, now::get, new HttpMetrics(registry));

  @Test
  void shouldRefuseTheAccountFromTheFailingAddressAfterTheLimit() {
    failTimes(VICTIM, ATTACKER_ADDRESS, 100);

    ApiException refused =
        catchThrowableOfType(
            () -> throttle.checkAllowed(VICTIM, ATTACKER_ADDRESS), ApiException.class);

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.code()).isEqualTo(20429);
    assertThat(refused.headers()).containsEntry("Retry-After", "36");
    assertThat(registry.get("http.rate.limited").tag("reason", "auth_failures").counter().count())
        .isEqualTo(1);
  }

  @Test
  void shouldNeverLockTheOwnerOutFromAnotherAddress() {
    failTimes(VICTIM, ATTACKER_ADDRESS, 1_000);

    assertThatCode(() -> throttle.checkAllowed(VICTIM, OWNER_ADDRESS)).doesNotThrowAnyException();
  }

  @Test
  void shouldLetTheFailingAddressTryOtherAccountsUntilItsOwnLimit() {
    failTimes(VICTIM, ATTACKER_ADDRESS, 100);

    assertThatCode(() -> throttle.checkAllowed(OTHER, ATTACKER_ADDRESS)).doesNotThrowAnyException();
  }

  @Test
  void shouldRefuseAnAddressSprayingManyAccounts() {
    for (int i = 0; i < 1_000; i++) {
      String account = String.format("AC%032x", i);
      throttle.checkAllowed(account, ATTACKER_ADDRESS);
      throttle.failed(account, ATTACKER_ADDRESS);
    }

    assertThat(
            catchThrowableOfType(
                    () -> throttle.checkAllowed(VICTIM, ATTACKER_ADDRESS), ApiException.class)
                .status())
        .isEqualTo(429);
    assertThat(
            catchThrowableOfType(
                    () -> throttle.checkAllowed(null, ATTACKER_ADDRESS), ApiException.class)
                .status())
        .isEqualTo(429);
    assertThatCode(() -> throttle.checkAllowed(VICTIM, OWNER_ADDRESS)).doesNotThrowAnyException();
  }

  @Test
  void shouldAllowOneMoreAttemptEachHourDividedByTheLimit() {
    failTimes(VICTIM, ATTACKER_ADDRESS, 100);

    now.addAndGet(Duration.ofSeconds(36).toNanos());

    assertThatCode(() -> throttle.checkAllowed(VICTIM, ATTACKER_ADDRESS))
        .doesNotThrowAnyException();
    throttle.failed(VICTIM, ATTACKER_ADDRESS);
    assertThat(
            catchThrowableOfType(
                    () -> throttle.checkAllowed(VICTIM, ATTACKER_ADDRESS), ApiException.class)
                .status())
        .isEqualTo(429);
  }

  @Test
  void shouldCountMalformedUserNamesPerAddressOnly() {
    AuthThrottle strict = new AuthThrottle(1, 3, now::get, new HttpMetrics(registry));
    strict.failed("x".repeat(10_000), ATTACKER_ADDRESS);
    strict.failed("not-an-account", ATTACKER_ADDRESS);

    assertThatCode(() -> strict.checkAllowed("not-an-account", ATTACKER_ADDRESS))
        .doesNotThrowAnyException();
    strict.failed(null, ATTACKER_ADDRESS);
    assertThat(
            catchThrowableOfType(
                    () -> strict.checkAllowed("not-an-account", ATTACKER_ADDRESS),
                    ApiException.class)
                .status())
        .isEqualTo(429);
  }

  @Test
  void shouldNeverRefuseWhenBothLimitsAreOff() {
    AuthThrottle off = new AuthThrottle(0, 0, now::get, new HttpMetrics(registry));
    for (int i = 0; i < 10_000; i++) {
      off.failed(VICTIM, ATTACKER_ADDRESS);
    }

    assertThatCode(() -> off.checkAllowed(VICTIM, ATTACKER_ADDRESS)).doesNotThrowAnyException();
  }

  private void failTimes(String account, String address, int times) {
    for (int i = 0; i < times; i++) {
      throttle.failed(account, address);
    }
  }
}
