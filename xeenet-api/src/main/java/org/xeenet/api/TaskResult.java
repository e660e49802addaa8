package org.xeenet.api;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/**
 * What a worker reports for one lease. {@code status} is one of {@code completed}, {@code failed},
 * {@code timed_out}; {@code simulated} results are never credited nor ranked. {@code
 * checkpoint_sha256} (optional, an addition to the v1 contract) names the final checkpoint the
 * worker uploads next with {@code PUT /leases/{lease_id}/checkpoint}.
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
    @JsonbProperty("curve") List<CurvePoint> curve,
    @JsonbProperty("checkpoint_sha256") String checkpointSha256) {

  /** JSON-B builds results with the canonical constructor (a record with two needs the mark). */
  @JsonbCreator
  public TaskResult {}

  /** A result without a checkpoint. */
  public TaskResult(
      String taskId,
      Double valBpb,
      Double trainLoss,
      Long stepsCompleted,
      Double wallTimeSeconds,
      String deviceUsed,
      String status,
      String error,
      Boolean simulated,
      Long tokensProcessed,
      List<CurvePoint> curve) {
    this(
        taskId,
        valBpb,
        trainLoss,
        stepsCompleted,
        wallTimeSeconds,
        deviceUsed,
        status,
        error,
        simulated,
        tokensProcessed,
        curve,
        null);
  }

  /** The same result naming this checkpoint. */
  public TaskResult withCheckpoint(String sha256) {
    return new TaskResult(
        taskId,
        valBpb,
        trainLoss,
        stepsCompleted,
        wallTimeSeconds,
        deviceUsed,
        status,
        error,
        simulated,
        tokensProcessed,
        curve,
        sha256);
  }

  public static final String COMPLETED = "completed";
  public static final String FAILED = "failed";
  public static final String TIMED_OUT = "timed_out";
}
