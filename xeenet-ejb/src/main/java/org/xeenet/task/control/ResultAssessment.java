package org.xeenet.task.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.xeenet.api.CurvePoint;
import org.xeenet.api.Problem.FieldError;
import org.xeenet.api.TaskResult;

/**
 * What a submitted result means for its task. Malformed results are refused outright ({@link
 * #problems}); well-formed ones are judged: a completed run with plausible metrics is VALID, an
 * implausible one INVALID, a failed or timed-out run loses the attempt.
 */
public final class ResultAssessment {
  static final Set<String> STATUSES =
      Set.of(TaskResult.COMPLETED, TaskResult.FAILED, TaskResult.TIMED_OUT);

  /** Bits per byte above this cannot come from training: uniform over 256 bytes is 8. */
  static final double MAX_PLAUSIBLE_BPB = 8.0;

  private ResultAssessment() {}

  /** The judgement of one result. */
  public enum Verdict {
    VALID,
    INVALID,
    ATTEMPT_LOST
  }

  /** A verdict with the reason when it is not VALID. */
  public record Judgement(Verdict verdict, String reason) {}

  /** Breaches of the contract: any of them makes the result a 400 and changes nothing. */
  public static List<FieldError> problems(TaskResult result, String expectedTaskId) {
    List<FieldError> errors = new ArrayList<>();
    if (result == null) {
      errors.add(new FieldError("body", "a TaskResult is required"));
      return errors;
    }
    if (result.taskId() == null) {
      errors.add(new FieldError("task_id", "is required"));
    } else if (!result.taskId().equals(expectedTaskId)) {
      errors.add(new FieldError("task_id", "does not match the lease's task " + expectedTaskId));
    }
    if (result.status() == null || !STATUSES.contains(result.status())) {
      errors.add(new FieldError("status", "must be one of " + STATUSES.stream().sorted().toList()));
    }
    if (TaskResult.COMPLETED.equals(result.status())) {
      if (result.valBpb() == null) {
        errors.add(new FieldError("val_bpb", "is required for a completed result"));
      }
      if (result.stepsCompleted() == null) {
        errors.add(new FieldError("steps_completed", "is required for a completed result"));
      }
    }
    nonNegative(errors, "steps_completed", result.stepsCompleted());
    nonNegative(errors, "tokens_processed", result.tokensProcessed());
    if (result.wallTimeSeconds() != null
        && (!Double.isFinite(result.wallTimeSeconds()) || result.wallTimeSeconds() < 0)) {
      errors.add(new FieldError("wall_time_seconds", "must be a non-negative number"));
    }
    if (result.deviceUsed() != null && result.deviceUsed().length() > 32) {
      errors.add(new FieldError("device_used", "must be at most 32 characters"));
    }
    if (result.curve() != null && result.curve().size() > 10_000) {
      errors.add(new FieldError("curve", "must have at most 10000 points"));
    }
    return errors;
  }

  public static Judgement judge(TaskResult result) {
    if (!TaskResult.COMPLETED.equals(result.status())) {
      String error = result.error() == null ? "no reason given" : result.error();
      return new Judgement(Verdict.ATTEMPT_LOST, result.status() + ": " + error);
    }
    double bpb = result.valBpb();
    if (!Double.isFinite(bpb) || bpb <= 0 || bpb > MAX_PLAUSIBLE_BPB) {
      return new Judgement(Verdict.INVALID, "implausible val_bpb " + bpb);
    }
    if (result.stepsCompleted() <= 0) {
      return new Judgement(Verdict.INVALID, "no training step completed");
    }
    if (result.trainLoss() != null && !Double.isFinite(result.trainLoss())) {
      return new Judgement(Verdict.INVALID, "train_loss is not finite");
    }
    List<CurvePoint> curve = result.curve();
    if (curve != null) {
      for (CurvePoint point : curve) {
        if (point.step() != null && point.step() > result.stepsCompleted()) {
          return new Judgement(Verdict.INVALID, "curve goes past steps_completed");
        }
      }
    }
    return new Judgement(Verdict.VALID, null);
  }

  private static void nonNegative(List<FieldError> errors, String field, Long value) {
    if (value != null && value < 0) {
      errors.add(new FieldError(field, "must not be negative"));
    }
  }
}
