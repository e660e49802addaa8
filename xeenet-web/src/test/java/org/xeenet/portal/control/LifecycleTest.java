package org.xeenet.portal.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LifecycleTest {

  @Test
  void runningCanBePausedOrCancelled() {
    assertThat(Lifecycle.canPause("RUNNING")).isTrue();
    assertThat(Lifecycle.canResume("RUNNING")).isFalse();
    assertThat(Lifecycle.canCancel("RUNNING")).isTrue();
    assertThat(Lifecycle.isFinished("RUNNING")).isFalse();
  }

  @Test
  void pausedCanBeResumedOrCancelled() {
    assertThat(Lifecycle.canPause("PAUSED")).isFalse();
    assertThat(Lifecycle.canResume("PAUSED")).isTrue();
    assertThat(Lifecycle.canCancel("PAUSED")).isTrue();
  }

  @Test
  void expandingCanOnlyBeCancelled() {
    assertThat(Lifecycle.canPause("EXPANDING")).isFalse();
    assertThat(Lifecycle.canResume("EXPANDING")).isFalse();
    assertThat(Lifecycle.canCancel("EXPANDING")).isTrue();
  }

  @Test
  void endedCampaignsAllowNothing() {
    for (String status : new String[] {"COMPLETED", "CANCELLED", "FAILED"}) {
      assertThat(Lifecycle.isFinished(status)).as(status).isTrue();
      assertThat(Lifecycle.canPause(status)).as(status).isFalse();
      assertThat(Lifecycle.canResume(status)).as(status).isFalse();
      assertThat(Lifecycle.canCancel(status)).as(status).isFalse();
    }
    assertThat(Lifecycle.canCancel(null)).isFalse();
  }
}
