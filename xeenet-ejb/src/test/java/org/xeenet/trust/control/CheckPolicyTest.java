package org.xeenet.trust.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class CheckPolicyTest {
  private final CheckPolicy policy = CheckPolicy.DEFAULT;

  @Test
  void aNewWorkersResultsAreAllVerifiedAndReplicated() {
    for (int i = 0; i < 200; i++) {
      CheckPolicy.Decision d = policy.decide(0, 0, true, UUID.randomUUID().toString());
      assertThat(d.verify()).isTrue();
      assertThat(d.replicate()).isTrue();
    }
  }

  @Test
  void aWorkerWithABlemishIsCheckedFullyWhateverItsHistory() {
    for (int i = 0; i < 200; i++) {
      CheckPolicy.Decision d = policy.decide(50, 1, true, UUID.randomUUID().toString());
      assertThat(d.verify()).isTrue();
      assertThat(d.replicate()).isTrue();
    }
  }

  @Test
  void withoutACheckpointNothingIsVerified() {
    assertThat(policy.decide(0, 0, false, "a").verify()).isFalse();
    assertThat(policy.decide(0, 0, false, "a").replicate()).isTrue();
  }

  @Test
  void onProbationEveryResultIsVerifiedAndAboutOneInTenReplicated() {
    int replicated = 0;
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      CheckPolicy.Decision d = policy.decide(1, 0, true, UUID.randomUUID().toString());
      assertThat(d.verify()).isTrue();
      replicated += d.replicate() ? 1 : 0;
    }
    assertThat(replicated / (double) n).isBetween(0.09, 0.11);
  }

  @Test
  void aTrustedWorkerIsSampled() {
    int replicated = 0;
    int verified = 0;
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      CheckPolicy.Decision d = policy.decide(3, 0, true, UUID.randomUUID().toString());
      replicated += d.replicate() ? 1 : 0;
      verified += d.verify() ? 1 : 0;
    }
    assertThat(replicated / (double) n).isBetween(0.015, 0.025);
    assertThat(verified / (double) n).isBetween(0.23, 0.27);
  }

  @Test
  void theDecisionIsAFunctionOfTheLease() {
    String lease = UUID.randomUUID().toString();
    assertThat(policy.decide(4, 0, true, lease)).isEqualTo(policy.decide(4, 0, true, lease));
  }
}
