package org.xeenet.task.control;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a lease lasts: {@code factor × time budget + grace}, by default 2 × budget + 60 s, so a
 * worker that trains for its whole budget and then evaluates and uploads is not cut off, and one
 * that vanished is noticed within about two budgets. A heartbeat renews the same span.
 */
public record LeasePolicy(double budgetFactor, int graceSeconds, int retryAfterSeconds) {
  public static final LeasePolicy DEFAULT = new LeasePolicy(2.0, 60, 5);

  public LeasePolicy {
    if (!(budgetFactor >= 1.0)) {
      throw new IllegalArgumentException("budgetFactor must be at least 1");
    }
    if (graceSeconds < 0 || retryAfterSeconds < 1) {
      throw new IllegalArgumentException("grace must be >= 0 and retry-after >= 1");
    }
  }

  public Duration leaseDuration(int timeBudgetSeconds) {
    return Duration.ofMillis(Math.round(budgetFactor * timeBudgetSeconds * 1000.0))
        .plusSeconds(graceSeconds);
  }

  public Instant expiryFrom(Instant now, int timeBudgetSeconds) {
    return now.plus(leaseDuration(timeBudgetSeconds));
  }
}
