package org.xeenet.worker.lease;

import java.util.List;
import org.xeenet.api.TaskResult;
import org.xeenet.worker.trainer.TrainerEvents;

/** Turns a child's outcome into the TaskResult to submit (or null: abandon without submitting). */
public final class ResultRules {
  private ResultRules() {}

  public static TaskResult toSubmit(String taskId, ChildOutcome o, long tokensPerStep) {
    TrainerEvents.Progress p = o.lastProgress();
    long steps = p == null ? 0 : p.step();
    Double loss = p == null ? null : p.trainLoss();
    switch (o.cause()) {
      case LEASE_GONE:
      case ABANDONED:
        return null;
      case MEMORY:
        return partial(
            taskId,
            o,
            steps,
            loss,
            tokensPerStep,
            TaskResult.FAILED,
            "trainer stopped: its memory exceeded the volunteer's --max-ram");
      case CANCELLED:
        return partial(
            taskId, o, steps, loss, tokensPerStep, TaskResult.FAILED, "cancelled by server");
      case HARD_DEADLINE:
        return partial(
            taskId,
            o,
            steps,
            loss,
            tokensPerStep,
            TaskResult.TIMED_OUT,
            "killed at the hard deadline after " + steps + " steps");
      default:
        break;
    }
    TaskResult r = o.result();
    if (r == null) {
      String tail = o.stderrTail() == null || o.stderrTail().isBlank() ? "" : ": " + o.stderrTail();
      String why =
          o.cause() == ChildOutcome.StopCause.SHUTDOWN
              ? "interrupted on the worker before a result"
              : "trainer exited with code " + o.exitCode() + " without a result";
      return partial(taskId, o, steps, loss, tokensPerStep, TaskResult.FAILED, why + tail);
    }
    boolean interrupted =
        o.cause() == ChildOutcome.StopCause.SHUTDOWN || "signal".equals(o.stopReason());
    String status = r.status();
    String error = r.error();
    if (interrupted && TaskResult.COMPLETED.equals(status)) {
      status = TaskResult.FAILED;
      error = "interrupted on the worker after " + r.stepsCompleted() + " steps";
    }
    return new TaskResult(
        taskId,
        r.valBpb(),
        r.trainLoss(),
        r.stepsCompleted(),
        r.wallTimeSeconds(),
        r.deviceUsed() == null ? "cpu" : r.deviceUsed(),
        status,
        error,
        false,
        r.tokensProcessed(),
        r.curve() == null ? List.of() : r.curve(),
        TaskResult.COMPLETED.equals(status) ? r.checkpointSha256() : null);
  }

  private static TaskResult partial(
      String taskId,
      ChildOutcome o,
      long steps,
      Double loss,
      long tokensPerStep,
      String status,
      String error) {
    return new TaskResult(
        taskId,
        null,
        loss,
        steps,
        TrainerEvents.round(o.wallSeconds(), 3),
        "cpu",
        status,
        error,
        false,
        steps * tokensPerStep,
        o.curve() == null ? List.of() : List.copyOf(o.curve()));
  }
}
