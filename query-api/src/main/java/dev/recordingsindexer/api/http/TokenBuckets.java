package dev.recordingsindexer.api.http;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * One token bucket per key, all with the same capacity and refill rate, in bounded memory. A key
 * never seen, or whose bucket has refilled, has a full bucket.
 *
 * <p>Memory: at most {@code maxKeys} buckets. A bucket that has refilled equals an absent one, so
 * each call drops up to two such buckets among the least recently used; past {@code maxKeys} the
 * least recently used bucket is dropped even if not full (its key starts again with a full bucket).
 *
 * <p>Thread-safe: every method locks this object; calls are a map lookup and some arithmetic.
 */
final class TokenBuckets<K> {

  private static final int DROP_PER_CALL = 2;

  private final double capacity;
  private final double tokensPerNano;
  private final int maxKeys;
  private final LongSupplier nanoTime;
  private final LinkedHashMap<K, Bucket> buckets;

  /**
   * @param capacity tokens of a full bucket (the burst), at least 1
   * @param tokensPerSecond refill rate, positive
   * @param maxKeys how many buckets to keep at most
   * @param nanoTime a monotonic clock in nanoseconds ({@link System#nanoTime} outside tests)
   */
  TokenBuckets(double capacity, double tokensPerSecond, int maxKeys, LongSupplier nanoTime) {
    if (capacity < 1 || tokensPerSecond <= 0 || maxKeys < 1) {
      throw new IllegalArgumentException(
          "need capacity >= 1, tokensPerSecond > 0, maxKeys >= 1: "
              + capacity
              + ", "
              + tokensPerSecond
              + ", "
              + maxKeys);
    }
    this.capacity = capacity;
    this.tokensPerNano = tokensPerSecond / 1e9;
    this.maxKeys = maxKeys;
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.buckets =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<K, Bucket> eldest) {
            return size() > TokenBuckets.this.maxKeys;
          }
        };
  }

  /**
   * Takes one token from {@code key}'s bucket if it holds one.
   *
   * @return 0 when a token was taken, else the nanoseconds until one will be there (nothing taken)
   */
  synchronized long take(K key) {
    long now = nanoTime.getAsLong();
    dropRefilled(now);
    Bucket bucket = buckets.get(key);
    double tokens = bucket == null ? capacity : bucket.tokensAt(now);
    if (tokens < 1) {
      return nanosUntilOne(tokens);
    }
    if (bucket == null) {
      buckets.put(key, new Bucket(tokens - 1, now));
    } else {
      bucket.set(tokens - 1, now);
    }
    return 0;
  }

  /** 0 when {@code key}'s bucket holds a token, else the nanoseconds until it will; takes none. */
  synchronized long waitNanos(K key) {
    long now = nanoTime.getAsLong();
    dropRefilled(now);
    Bucket bucket = buckets.get(key);
    return bucket == null ? 0 : nanosUntilOne(bucket.tokensAt(now));
  }

  /** How many buckets are held (tests). */
  synchronized int size() {
    return buckets.size();
  }

  private long nanosUntilOne(double tokens) {
    return tokens >= 1 ? 0 : Math.max(1, (long) Math.ceil((1 - tokens) / tokensPerNano));
  }

  private void dropRefilled(long now) {
    Iterator<Bucket> eldest = buckets.values().iterator();
    for (int i = 0; i < DROP_PER_CALL && eldest.hasNext(); i++) {
      if (eldest.next().tokensAt(now) >= capacity) {
        eldest.remove();
      } else {
        return;
      }
    }
  }

  /** Tokens at an instant; refilled lazily when read. */
  private final class Bucket {
    private double tokens;
    private long updatedNanos;

    Bucket(double tokens, long updatedNanos) {
      set(tokens, updatedNanos);
    }

    double tokensAt(long now) {
      long elapsed = Math.max(0, now - updatedNanos);
      return Math.min(capacity, tokens + elapsed * tokensPerNano);
    }

    void set(double tokens, long now) {
      this.tokens = tokens;
      this.updatedNanos = now;
    }
  }
}
