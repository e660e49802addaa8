package org.xeenet.worker.lease;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xeenet.api.TaskResult;
import org.xeenet.worker.trainer.TrainerEvents;

class ResultRulesTest {
  static final TrainerEvents.Progress LAST =
      new TrainerEvents.Progress("progress", 40, 9.5, 2.2, null, 1e-3, 1000.0);

  static ChildOutcome outcome(TaskResult r, String reason, ChildOutcome.StopCause cause, int exit) {
    return new ChildOutcome(r, reason, LAST, List.of(), exit, cause, "boom\nlast line", 12.0);
  }

  static TaskResult completed() {
    return new TaskResult(
        "t", 2.5, 2.0, 50L, 10.0, "cpu", TaskResult.COMPLETED, null, false, 100L, List.of());
  }

  @Test
  void completedResultIsSubmittedAsIs() {
    TaskResult r =
        ResultRules.toSubmit(
            "t", outcome(completed(), "budget", ChildOutcome.StopCause.NONE, 0), 2);
    assertThat(r).isEqualTo(completed());
  }

  @Test
  void hardDeadlineGivesTimedOutWithLastProgress() {
    TaskResult r =
        ResultRules.toSubmit(
            "t", outcome(null, null, ChildOutcome.StopCause.HARD_DEADLINE, 137), 64);
    assertThat(r.status()).isEqualTo(TaskResult.TIMED_OUT);
    assertThat(r.stepsCompleted()).isEqualTo(40);
    assertThat(r.trainLoss()).isEqualTo(2.2);
    assertThat(r.valBpb()).isNull();
    assertThat(r.tokensProcessed()).isEqualTo(40 * 64);
  }

  @Test
  void crashWithoutResultIsFailedWithStderrTail() {
    TaskResult r =
        ResultRules.toSubmit("t", outcome(null, null, ChildOutcome.StopCause.NONE, 1), 1);
    assertThat(r.status()).isEqualTo(TaskResult.FAILED);
    assertThat(r.error()).contains("exited with code 1").contains("last line");
  }

  @Test
  void goneIsAbandonedAndCancelIsReportedFailed() {
    assertThat(
            ResultRules.toSubmit(
                "t", outcome(null, null, ChildOutcome.StopCause.LEASE_GONE, 143), 1))
        .isNull();
    TaskResult r =
        ResultRules.toSubmit("t", outcome(null, null, ChildOutcome.StopCause.CANCELLED, 143), 1);
    assertThat(r.status()).isEqualTo(TaskResult.FAILED);
    assertThat(r.error()).isEqualTo("cancelled by server");
  }

  @Test
  void interruptedRunIsNotReportedAsCompleted() {
    TaskResult r =
        ResultRules.toSubmit(
            "t", outcome(completed(), "signal", ChildOutcome.StopCause.SHUTDOWN, 0), 1);
    assertThat(r.status()).isEqualTo(TaskResult.FAILED);
    assertThat(r.error()).contains("interrupted");
    assertThat(r.valBpb()).isEqualTo(2.5);
  }
}
