package org.xeenet.operations.boundary;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token bucket per key: {@code perMinute} tokens refilled evenly over a minute, at most {@code
 * perMinute} saved up. Remembers at most {@code maxKeys} keys (the least recently used go, which
 * only ever gives a forgotten key a full bucket again).
 */
final class RateLimiter {
  private static final long MINUTE_NANOS = 60_000_000_000L;
  private final int perMinute;
  private final Map<String, long[]> buckets;

  RateLimiter(int perMinute, int maxKeys) {
    this.perMinute = Math.min(perMinute, 1_000_000);
    this.buckets =
        new LinkedHashMap<>(256, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
            return size() > maxKeys;
          }
        };
  }

  int perMinute() {
    return perMinute;
  }

  /**
   * Takes one token for {@code key} at {@code nowNanos}: 0 when granted, otherwise the whole
   * seconds (at least 1) until a token is there.
   */
  synchronized long acquire(String key, long nowNanos) {
    // state: [0] = tokens × MINUTE_NANOS (fixed point), [1] = last refill time
    long capacity = perMinute * MINUTE_NANOS;
    long[] bucket = buckets.computeIfAbsent(key, k -> new long[] {capacity, nowNanos});
    long elapsed = Math.max(0, nowNanos - bucket[1]);
    long refill = elapsed >= MINUTE_NANOS ? capacity : elapsed * perMinute;
    bucket[0] = Math.min(capacity, bucket[0] + refill);
    bucket[1] = nowNanos;
    if (bucket[0] >= MINUTE_NANOS) {
      bucket[0] -= MINUTE_NANOS;
      return 0;
    }
    long missing = MINUTE_NANOS - bucket[0];
    long nanos = (missing + perMinute - 1) / perMinute;
    return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
  }
}
