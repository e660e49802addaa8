package org.xeenet.worker.lease;

import java.time.Duration;
import java.time.Instant;

/**
 * A task's two deadlines. Soft = the time budget (the trainer stops itself, evaluates and reports);
 * hard = budget + grace, grace = max(30 s, 25% of the budget), after which the parent kills the
 * child and reports {@code timed_out}.
 */
public record Deadlines(double budgetSeconds, double graceSeconds) {
  public static final double MIN_GRACE_SECONDS = 30;
  public static final double GRACE_FRACTION = 0.25;

  public static Deadlines forBudget(double budgetSeconds) {
    return new Deadlines(
        budgetSeconds, Math.max(MIN_GRACE_SECONDS, GRACE_FRACTION * budgetSeconds));
  }

  /** Same budget, another grace (tests, or a {@code --grace} override). */
  public Deadlines withGrace(double seconds) {
    return new Deadlines(budgetSeconds, seconds);
  }

  public double hardSeconds() {
    return budgetSeconds + graceSeconds;
  }

  /**
   * Seconds until the next heartbeat: 10 s, or a third of the time left on the lease when that is
   * shorter (at least 1 s).
   */
  public static double heartbeatInterval(Instant now, Instant leaseExpiresAt) {
    if (leaseExpiresAt == null) {
      return 10;
    }
    double remaining = Duration.between(now, leaseExpiresAt).toMillis() / 1000.0;
    return Math.max(1.0, Math.min(10.0, remaining / 3.0));
  }
}
