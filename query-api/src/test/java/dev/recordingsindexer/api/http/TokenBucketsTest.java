package dev.recordingsindexer.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

  private static final long SECOND = 1_000_000_000L;

  private final AtomicLong now = new AtomicLong(5 * SECOND);

  @Test
  void shouldAllowTheBurstThenSayHowLongUntilTheNextToken() {
    TokenBuckets<String> buckets = new TokenBuckets<>(3, 2, 10, now::get);

    assertThat(buckets.take("a")).isZero();
    assertThat(buckets.take("a")).isZero();
    assertThat(buckets.take("a")).isZero();

    assertThat(buckets.take("a")).isEqualTo(SECOND / 2);
    assertThat(buckets.take("b")).as("another key has its own bucket").isZero();
  }

  @Test
  void shouldRefillAtTheRateUpToTheCapacity() {
    TokenBuckets<String> buckets = new TokenBuckets<>(2, 1, 10, now::get);
    buckets.take("a");
    buckets.take("a");

    now.addAndGet(SECOND / 4);
    assertThat(buckets.take("a")).isEqualTo(3 * SECOND / 4);
    now.addAndGet(3 * SECOND / 4);
    assertThat(buckets.take("a")).isZero();
    assertThat(buckets.take("a")).isPositive();

    now.addAndGet(100 * SECOND);
    assertThat(buckets.take("a")).isZero();
    assertThat(buckets.take("a")).isZero();
    assertThat(buckets.take("a")).as("never more than the capacity").isPositive();
  }

  @Test
  void shouldTellTheWaitWithoutTakingAToken() {
    TokenBuckets<String> buckets = new TokenBuckets<>(1, 1, 10, now::get);

    assertThat(buckets.waitNanos("a")).isZero();
    assertThat(buckets.waitNanos("a")).isZero();
    assertThat(buckets.take("a")).isZero();
    assertThat(buckets.waitNanos("a")).isEqualTo(SECOND);
  }

  @Test
  void shouldDropBucketsThatHaveRefilled() {
    TokenBuckets<String> buckets = new TokenBuckets<>(1, 1, 10, now::get);
    buckets.take("a");
    buckets.take("b");
    assertThat(buckets.size()).isEqualTo(2);

    now.addAndGet(2 * SECOND);
    buckets.waitNanos("c");

    assertThat(buckets.size()).isZero();
  }

  @Test
  void shouldKeepAtMostMaxKeysDroppingTheLeastRecentlyUsed() {
    TokenBuckets<String> buckets = new TokenBuckets<>(1, 0.001, 3, now::get);
    for (String key : new String[] {"a", "b", "c"}) {
      buckets.take(key);
    }
    buckets.waitNanos("a");

    buckets.take("d");

    assertThat(buckets.size()).isEqualTo(3);
    assertThat(buckets.waitNanos("a")).as("recently used, kept").isPositive();
    assertThat(buckets.waitNanos("b")).as("least recently used, dropped").isZero();
  }
}
