package org.xeenet.worker.lease;

import java.util.List;
import org.xeenet.api.CurvePoint;
import org.xeenet.api.TaskResult;
import org.xeenet.worker.trainer.TrainerEvents;

/** What a trainer child process left behind. */
public record ChildOutcome(
    TaskResult result,
    String stopReason,
    TrainerEvents.Progress lastProgress,
    List<CurvePoint> curve,
    int exitCode,
    StopCause cause,
    String stderrTail,
    double wallSeconds) {

  /** Why the parent stopped the child (NONE when it ended by itself). */
  public enum StopCause {
    NONE,
    HARD_DEADLINE,
    CANCELLED,
    LEASE_GONE,
    SHUTDOWN,
    ABANDONED,
    MEMORY
  }
}
