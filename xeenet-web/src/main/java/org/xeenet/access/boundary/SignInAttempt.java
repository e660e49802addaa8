package org.xeenet.access.boundary;

import jakarta.enterprise.context.RequestScoped;
import org.xeenet.account.boundary.Accounts.SignInOutcome;

/** The outcome of this request's password check, for the sign-in page's message. */
@RequestScoped
public class SignInAttempt {
  private SignInOutcome outcome;
  private boolean throttled;

  void record(SignInOutcome outcome) {
    this.outcome = outcome;
  }

  void throttled() {
    this.throttled = true;
  }

  /** Whether this address made too many sign-in attempts in the last minute. */
  public boolean isThrottled() {
    return throttled;
  }

  /** Whether the account was locked by repeated wrong passwords. */
  public boolean locked() {
    return outcome == SignInOutcome.LOCKED;
  }
}
