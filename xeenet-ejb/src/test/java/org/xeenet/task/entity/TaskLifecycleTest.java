package org.xeenet.task.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TaskLifecycleTest {
  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  private static Task task(int maxAttempts) {
    return new Task("c", 0, "{}", 1L, 60, "builtin:char-lm/1", maxAttempts, NOW);
  }

  @Test
  void aQueuedTaskIsLeasedAsItsNextAttempt() {
    Task task = task(3);
    assertThat(task.status()).isEqualTo(TaskStatus.QUEUED);
    task.lease("l1", "w1", NOW.plusSeconds(180));
    assertThat(task.status()).isEqualTo(TaskStatus.LEASED);
    assertThat(task.attempts()).isEqualTo(1);
    assertThat(task.isLeasedUnder("l1")).isTrue();
    assertThat(task.isLeasedUnder("l2")).isFalse();
    assertThat(task.workerId()).isEqualTo("w1");
  }

  @Test
  void aLeasedTaskCannotBeLeasedAgain() {
    Task task = task(3);
    task.lease("l1", "w1", NOW);
    assertThatThrownBy(() -> task.lease("l2", "w2", NOW)).isInstanceOf(IllegalStateException.class);
    assertThat(task.isLeasedUnder("l1")).isTrue();
  }

  @Test
  void lostAttemptsRequeueUntilMaxAttemptsThenFailWithEveryReason() {
    Task task = task(3);
    for (int attempt = 1; attempt <= 2; attempt++) {
      task.lease("l" + attempt, "w", NOW);
      task.attemptLost("lease expired", NOW);
      assertThat(task.status()).isEqualTo(TaskStatus.QUEUED);
      assertThat(task.leaseId()).isNull();
      assertThat(task.attempts()).isEqualTo(attempt);
    }
    task.lease("l3", "w", NOW);
    task.attemptLost("timed_out: killed", NOW);
    assertThat(task.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(task.finishedAt()).isEqualTo(NOW);
    assertThat(task.failureReasons())
        .contains(
            "attempt 1: lease expired", "attempt 2: lease expired", "attempt 3: timed_out: killed");
  }

  @Test
  void aWithdrawnAttemptDoesNotCount() {
    Task task = task(1);
    task.lease("l1", "w", NOW);
    task.attemptWithdrawn("campaign paused");
    assertThat(task.status()).isEqualTo(TaskStatus.QUEUED);
    assertThat(task.attempts()).isZero();
    task.lease("l2", "w", NOW);
    assertThat(task.attempts()).isEqualTo(1);
  }

  @Test
  void anAcceptedResultEndsTheTask() {
    Task task = task(3);
    task.lease("l1", "w1", NOW);
    task.resultAccepted(
        TaskStatus.VALID, "w1", 2.5, 1.7, 900L, 60.2, "cpu", 1_000L, false, null, NOW);
    assertThat(task.status()).isEqualTo(TaskStatus.VALID);
    assertThat(task.valBpb()).isEqualTo(2.5);
    assertThat(task.leaseId()).isNull();
    assertThatThrownBy(
            () ->
                task.resultAccepted(
                    TaskStatus.VALID, "w2", 2.4, null, 1L, 1.0, "cpu", 1L, false, null, NOW))
        .isInstanceOf(IllegalStateException.class);
    task.attemptLost("late", NOW);
    task.cancel(NOW);
    assertThat(task.status()).isEqualTo(TaskStatus.VALID);
  }

  @Test
  void aResultMakesATaskValidOrInvalidOnly() {
    Task task = task(3);
    assertThatThrownBy(
            () ->
                task.resultAccepted(
                    TaskStatus.QUEUED, "w", 1, null, 1L, 1.0, "cpu", 1L, false, null, NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void cancellingEndsOpenTasks() {
    Task task = task(3);
    task.lease("l1", "w", NOW);
    task.cancel(NOW);
    assertThat(task.status()).isEqualTo(TaskStatus.CANCELLED);
    assertThat(task.leaseId()).isNull();
  }

  @Test
  void aLeaseHeartbeatOnlyExtendsAndRecordsProgress() {
    Lease lease = new Lease("t", "w", 1, NOW, NOW.plusSeconds(100), null);
    assertThat(lease.isActiveAt(NOW.plusSeconds(99))).isTrue();
    assertThat(lease.isActiveAt(NOW.plusSeconds(100))).isFalse();
    lease.heartbeat(NOW.plusSeconds(50), NOW.plusSeconds(80), 10L, 3.0);
    assertThat(lease.expiresAt()).isEqualTo(NOW.plusSeconds(100));
    lease.heartbeat(NOW.plusSeconds(60), NOW.plusSeconds(200), null, null);
    assertThat(lease.expiresAt()).isEqualTo(NOW.plusSeconds(200));
  }

  @Test
  void aLeaseTakesOneResultAndThenNoHeartbeat() {
    Lease lease = new Lease("t", "w", 1, NOW, NOW.plusSeconds(100), null);
    lease.finish("abc", "{}", true, "VALID", NOW);
    assertThat(lease.state()).isEqualTo(LeaseState.FINISHED);
    assertThat(lease.isActiveAt(NOW)).isFalse();
    assertThatThrownBy(() -> lease.finish("def", "{}", true, "VALID", NOW))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> lease.heartbeat(NOW, NOW, null, null))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void expiryAndRevocationOnlyEndActiveLeases() {
    Lease finished = new Lease("t", "w", 1, NOW, NOW.plusSeconds(1), null);
    finished.finish("x", "{}", true, "VALID", NOW);
    finished.expire();
    finished.revoke();
    assertThat(finished.state()).isEqualTo(LeaseState.FINISHED);
    Lease active = new Lease("t", "w", 1, NOW, NOW.plusSeconds(1), null);
    active.expire();
    assertThat(active.state()).isEqualTo(LeaseState.EXPIRED);
  }
}
