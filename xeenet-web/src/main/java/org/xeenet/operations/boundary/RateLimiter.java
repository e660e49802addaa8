package org.xeenet.operations.boundary;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token bucket per key: {@code perMinute} tokens refilled evenly over a minute, at most {@code
 * perMinute} saved up. Remembers at most {@code maxKeys} keys (the least recently used go, which
 * only ever gives a forgotten key a full bucket again).
 */
public final class RateLimiter {
  private static final long MINUTE_NANOS = 60_000_000_000L;
  private final int perMinute;
  private final Map<String, long[]> buckets;

  public RateLimiter(int perMinute, int maxKeys) {
    this.perMinute = Math.min(perMinute, 1_000_000);
    this.buckets =
        new LinkedHashMap<>(256, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
            return size() > maxKeys;
          }
        };
  }

  public int perMinute() {
    return perMinute;
  }

  /**
   * Takes one token for {@code key} at {@code nowNanos}: 0 when granted, otherwise the whole
   * seconds (at least 1) until a token is there.
   */
  public synchronized long acquire(String key, long nowNanos) {
    long[] bucket = buckets.get(key);
    long[] next = take(bucket, nowNanos, perMinute, MINUTE_NANOS);
    buckets.put(key, new long[] {next[0], next[1]});
    return next[2];
  }

  /**
   * One take from a token bucket: {@code state} is {tokens × minute (fixed point), last refill
   * time}, or null for a full bucket; times in units of which {@code minute} make a minute. Returns
   * {tokens, time, wait}: the new state and 0 when granted, or the whole seconds (at least 1) until
   * a token is there. Used for this instance's buckets and, clustered, for the shared ones.
   */
  static long[] take(long[] state, long now, int perMinute, long minute) {
    long capacity = perMinute * minute;
    long tokens = state == null ? capacity : state[0];
    long last = state == null ? now : state[1];
    long elapsed = Math.max(0, now - last);
    long refill = elapsed >= minute ? capacity : elapsed * perMinute;
    tokens = Math.min(capacity, tokens + refill);
    if (tokens >= minute) {
      return new long[] {tokens - minute, now, 0};
    }
    long missing = minute - tokens;
    long units = (missing + perMinute - 1) / perMinute;
    long unitsPerSecond = minute / 60;
    return new long[] {tokens, now, Math.max(1, (units + unitsPerSecond - 1) / unitsPerSecond)};
  }
}
