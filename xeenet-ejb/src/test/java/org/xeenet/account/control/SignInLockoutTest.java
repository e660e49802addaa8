package org.xeenet.account.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInLockoutTest {
  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  @Test
  void theFifthWrongPasswordInARowLocksForFifteenMinutes() {
    SignInLockout.State state = new SignInLockout.State(0, null);
    for (int i = 1; i < SignInLockout.MAX_FAILURES; i++) {
      state = SignInLockout.failed(state, T0);
      assertThat(state.failures()).isEqualTo(i);
      assertThat(SignInLockout.locked(state, T0)).isFalse();
    }
    state = SignInLockout.failed(state, T0);
    assertThat(SignInLockout.locked(state, T0)).isTrue();
    assertThat(SignInLockout.locked(state, T0.plusSeconds(15 * 60 - 1))).isTrue();
    assertThat(SignInLockout.locked(state, T0.plusSeconds(15 * 60))).isFalse();
  }

  @Test
  void failuresWhileLockedDoNotExtendTheLock() {
    SignInLockout.State locked = new SignInLockout.State(0, T0.plusSeconds(600));
    SignInLockout.State after = SignInLockout.failed(locked, T0.plusSeconds(10));
    assertThat(after.lockedUntil()).isEqualTo(T0.plusSeconds(600));
  }

  @Test
  void aSuccessResetsTheCount() {
    assertThat(SignInLockout.succeeded()).isEqualTo(new SignInLockout.State(0, null));
  }

  @Test
  void afterTheLockEndsCountingStartsAgain() {
    SignInLockout.State expired = new SignInLockout.State(0, T0);
    SignInLockout.State after = SignInLockout.failed(expired, T0.plusSeconds(1));
    assertThat(after.failures()).isEqualTo(1);
    assertThat(SignInLockout.locked(after, T0.plusSeconds(1))).isFalse();
  }
}
