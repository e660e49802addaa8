package org.xeenet.operations.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void grantsTheBurstThenRefusesWithTheWaitUntilTheNextToken() {
    RateLimiter limiter = new RateLimiter(3, 100);
    assertThat(limiter.acquire("a", 0)).isZero();
    assertThat(limiter.acquire("a", 0)).isZero();
    assertThat(limiter.acquire("a", 0)).isZero();
    assertThat(limiter.acquire("a", 0)).isEqualTo(20);
    assertThat(limiter.acquire("a", 15 * SECOND)).isEqualTo(5);
    assertThat(limiter.acquire("a", 20 * SECOND)).isZero();
  }

  @Test
  void keysHaveTheirOwnBuckets() {
    RateLimiter limiter = new RateLimiter(1, 100);
    assertThat(limiter.acquire("a", 0)).isZero();
    assertThat(limiter.acquire("a", 0)).isEqualTo(60);
    assertThat(limiter.acquire("b", 0)).isZero();
  }

  @Test
  void refillsNoMoreThanTheBurstAndForgetsOldKeys() {
    RateLimiter limiter = new RateLimiter(2, 2);
    assertThat(limiter.acquire("a", 0)).isZero();
    assertThat(limiter.acquire("a", 3600 * SECOND)).isZero();
    assertThat(limiter.acquire("a", 3600 * SECOND)).isZero();
    assertThat(limiter.acquire("a", 3600 * SECOND)).isEqualTo(30);
    limiter.acquire("b", 0);
    limiter.acquire("c", 0);
    assertThat(limiter.acquire("a", 3600 * SECOND)).isZero();
  }

  @Test
  void recognisesTheRegistrationPath() {
    assertThat(RegistrationRateLimit.isRegistration("workers")).isTrue();
    assertThat(RegistrationRateLimit.isRegistration("/workers/")).isTrue();
    assertThat(RegistrationRateLimit.isRegistration("workers/w1/lease")).isFalse();
    assertThat(RegistrationRateLimit.isRegistration(null)).isFalse();
  }

  @Test
  void theSharedBucketFollowsTheSameRulesInMilliseconds() {
    long[] state = null;
    for (int i = 0; i < 3; i++) {
      state = RateLimiter.take(state, 1_000, 3, 60_000);
      assertThat(state[2]).isZero();
    }
    long[] refused = RateLimiter.take(state, 1_000, 3, 60_000);
    assertThat(refused[2]).isEqualTo(20);
    assertThat(RateLimiter.take(refused, 16_000, 3, 60_000)[2]).isEqualTo(5);
    assertThat(RateLimiter.take(refused, 21_000, 3, 60_000)[2]).isZero();
  }
}
