package org.xeenet.account.control;

import java.time.Duration;
import java.time.Instant;

/**
 * Locks an account after repeated wrong passwords: after {@link #MAX_FAILURES} failures in a row
 * the account refuses every sign-in (even with the right password) for {@link #LOCK}; a success
 * resets the count.
 */
public final class SignInLockout {
  public static final int MAX_FAILURES = 5;
  public static final Duration LOCK = Duration.ofMinutes(15);

  private SignInLockout() {}

  /** The account's failure count and lock after an attempt. */
  public record State(int failures, Instant lockedUntil) {
    public boolean lockedAt(Instant now) {
      return lockedUntil != null && now.isBefore(lockedUntil);
    }
  }

  /** Whether an attempt at {@code now} may even be checked. */
  public static boolean locked(State state, Instant now) {
    return state.lockedAt(now);
  }

  /** The state after a wrong password at {@code now}. */
  public static State failed(State state, Instant now) {
    int failures = state.lockedAt(now) ? state.failures() : state.failures() + 1;
    if (failures >= MAX_FAILURES && !state.lockedAt(now)) {
      return new State(0, now.plus(LOCK));
    }
    return new State(failures, state.lockedUntil());
  }

  /** The state after a right password. */
  public static State succeeded() {
    return new State(0, null);
  }
}
