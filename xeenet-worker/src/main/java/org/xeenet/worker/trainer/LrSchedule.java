package org.xeenet.worker.trainer;

/**
 * Linear warmup, then cosine decay to 10% of the peak. The decay runs over the run's progress,
 * which is the larger of {@code step / max_steps} (when max_steps is set) and {@code elapsed /
 * time_budget}: with a time budget the schedule follows the clock, so it needs no step estimate and
 * ends at 10% exactly when the budget runs out, whatever the machine's speed.
 */
public record LrSchedule(double peak, int warmupSteps, Long maxSteps, double budgetSeconds) {
  public static final double FLOOR = 0.1;

  /** Progress in [0, 1] at this step and elapsed time. */
  public double progress(long step, double elapsedSeconds) {
    double p = budgetSeconds > 0 ? elapsedSeconds / budgetSeconds : 0;
    if (maxSteps != null && maxSteps > 0) {
      p = Math.max(p, (double) step / maxSteps);
    }
    return Math.min(1.0, Math.max(0.0, p));
  }

  /** Learning rate for the 1-based {@code step}. */
  public double lr(long step, double elapsedSeconds) {
    if (warmupSteps > 0 && step <= warmupSteps) {
      return peak * step / warmupSteps;
    }
    double p = progress(step, elapsedSeconds);
    double min = peak * FLOOR;
    return min + 0.5 * (peak - min) * (1 + Math.cos(Math.PI * p));
  }
}
