package org.xeenet.api;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;
import java.util.Map;

/**
 * One unit of work: a hyperparameter configuration of a code package, with seeds and a time budget
 * in seconds.
 *
 * <p>Additions to the v1 contract for the trust agent's checks: {@code kind} is absent (or {@code
 * train}) for a task to train; {@code verify}: recompute val_bpb of the checkpoint at {@code
 * checkpoint_url} (hash {@code checkpoint_sha256}) on the validation split, forward pass only, and
 * report it as the result's {@code val_bpb}; {@code replicate}: train {@code config} (which then
 * holds {@code max_steps}) with the same seed and report the result as usual. Only workers that
 * declared the kind in {@code training_capability.task_kinds} get them.
 */
public record TaskSpec(
    @JsonbProperty("task_id") String taskId,
    @JsonbProperty("campaign_id") String campaignId,
    @JsonbProperty("config") Map<String, Object> config,
    @JsonbProperty("code_package_ref") String codePackageRef,
    @JsonbProperty("time_budget") Integer timeBudget,
    @JsonbProperty("seeds") List<Long> seeds,
    @JsonbProperty("dataset") DatasetRef dataset,
    @JsonbProperty("kind") String kind,
    @JsonbProperty("checkpoint_url") String checkpointUrl,
    @JsonbProperty("checkpoint_sha256") String checkpointSha256) {

  public static final String TRAIN = "train";
  public static final String VERIFY = "verify";
  public static final String REPLICATE = "replicate";

  @JsonbCreator
  public TaskSpec {}

  /** A task to train. */
  public TaskSpec(
      String taskId,
      String campaignId,
      Map<String, Object> config,
      String codePackageRef,
      Integer timeBudget,
      List<Long> seeds,
      DatasetRef dataset) {
    this(taskId, campaignId, config, codePackageRef, timeBudget, seeds, dataset, null, null, null);
  }

  /** The kind, {@code train} when absent. */
  public String kindOrTrain() {
    return kind == null ? TRAIN : kind;
  }
}
