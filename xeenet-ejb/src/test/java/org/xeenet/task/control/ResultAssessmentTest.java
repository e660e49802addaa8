package org.xeenet.task.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xeenet.api.CurvePoint;
import org.xeenet.api.Problem.FieldError;
import org.xeenet.api.TaskResult;
import org.xeenet.task.control.ResultAssessment.Verdict;

class ResultAssessmentTest {
  private static TaskResult result(String status, Double bpb, Long steps, List<CurvePoint> curve) {
    return new TaskResult("t1", bpb, 1.8, steps, 60.0, "cpu", status, null, false, 1000L, curve);
  }

  @Test
  void aPlausibleCompletedRunIsValid() {
    assertThat(ResultAssessment.problems(result("completed", 2.5, 900L, null), "t1")).isEmpty();
    assertThat(ResultAssessment.judge(result("completed", 2.5, 900L, null)).verdict())
        .isEqualTo(Verdict.VALID);
  }

  @Test
  void contractBreachesAreNamed() {
    TaskResult bad =
        new TaskResult("t2", null, null, -1L, -3.0, "cpu", "done", null, null, -5L, null);
    assertThat(ResultAssessment.problems(bad, "t1"))
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder(
            "task_id", "status", "steps_completed", "tokens_processed", "wall_time_seconds");
    assertThat(ResultAssessment.problems(result("completed", null, null, null), "t1"))
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder("val_bpb", "steps_completed");
  }

  @Test
  void implausibleMetricsAreInvalid() {
    assertThat(ResultAssessment.judge(result("completed", Double.NaN, 10L, null)).verdict())
        .isEqualTo(Verdict.INVALID);
    assertThat(ResultAssessment.judge(result("completed", 9.0, 10L, null)).verdict())
        .isEqualTo(Verdict.INVALID);
    assertThat(ResultAssessment.judge(result("completed", 0.0, 10L, null)).verdict())
        .isEqualTo(Verdict.INVALID);
    assertThat(ResultAssessment.judge(result("completed", 2.0, 0L, null)).verdict())
        .isEqualTo(Verdict.INVALID);
    List<CurvePoint> pastTheEnd = List.of(new CurvePoint(50L, 1.0, 2.0, null));
    assertThat(ResultAssessment.judge(result("completed", 2.0, 10L, pastTheEnd)).verdict())
        .isEqualTo(Verdict.INVALID);
  }

  @Test
  void failedAndTimedOutRunsLoseTheAttemptWithTheirReason() {
    TaskResult failed =
        new TaskResult("t1", null, null, 3L, 1.0, "cpu", "failed", "OOM", false, 0L, null);
    assertThat(ResultAssessment.judge(failed))
        .satisfies(
            j -> {
              assertThat(j.verdict()).isEqualTo(Verdict.ATTEMPT_LOST);
              assertThat(j.reason()).isEqualTo("failed: OOM");
            });
    assertThat(ResultAssessment.judge(result("timed_out", null, 5L, null)).verdict())
        .isEqualTo(Verdict.ATTEMPT_LOST);
  }
}
