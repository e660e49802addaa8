package org.xeenet.api;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.util.Map;

/** One row of a campaign's task table. Metrics are null until a result is accepted. */
public record TaskView(
    @JsonbProperty("task_id") String taskId,
    @JsonbProperty("campaign_id") String campaignId,
    @JsonbProperty("index") int index,
    @JsonbProperty("status") String status,
    @JsonbProperty("config") Map<String, Object> config,
    @JsonbProperty("seed") long seed,
    @JsonbProperty("time_budget") int timeBudget,
    @JsonbProperty("attempts") int attempts,
    @JsonbProperty("worker_id") String workerId,
    @JsonbProperty("lease_expires_at") Instant leaseExpiresAt,
    @JsonbProperty("val_bpb") Double valBpb,
    @JsonbProperty("train_loss") Double trainLoss,
    @JsonbProperty("steps_completed") Long stepsCompleted,
    @JsonbProperty("wall_time_seconds") Double wallTimeSeconds,
    @JsonbProperty("device_used") String deviceUsed,
    @JsonbProperty("tokens_processed") Long tokensProcessed,
    @JsonbProperty("simulated") boolean simulated,
    @JsonbProperty("failure_reasons") String failureReasons,
    @JsonbProperty("finished_at") Instant finishedAt) {}
