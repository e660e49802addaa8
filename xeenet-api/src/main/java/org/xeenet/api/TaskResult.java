package org.xeenet.api;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/**
 * What a worker reports for one lease. {@code status} is one of {@code completed}, {@code failed},
 * {@code timed_out}; {@code simulated} results are never credited nor ranked.
 */
public record TaskResult(
    @JsonbProperty("task_id") String taskId,
    @JsonbProperty("val_bpb") Double valBpb,
    @JsonbProperty("train_loss") Double trainLoss,
    @JsonbProperty("steps_completed") Long stepsCompleted,
    @JsonbProperty("wall_time_seconds") Double wallTimeSeconds,
    @JsonbProperty("device_used") String deviceUsed,
    @JsonbProperty("status") String status,
    @JsonbProperty("error") String error,
    @JsonbProperty("simulated") Boolean simulated,
    @JsonbProperty("tokens_processed") Long tokensProcessed,
    @JsonbProperty("curve") List<CurvePoint> curve) {

  public static final String COMPLETED = "completed";
  public static final String FAILED = "failed";
  public static final String TIMED_OUT = "timed_out";
}
