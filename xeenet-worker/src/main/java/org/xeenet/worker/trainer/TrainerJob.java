package org.xeenet.worker.trainer;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;
import java.util.Map;

/**
 * What the parent hands the trainer, as a JSON file: the TaskSpec's hyperparameters, seeds and time
 * budget plus the local path of the verified dataset.
 *
 * <pre>{"task_id": "t1", "campaign_id": "c1", "config": {"n_layer": 2, ...},
 *  "seeds": [1234], "time_budget": 60, "dataset_path": "/path/to/file.txt",
 *  "checkpoint_path": "/path/to/final.params"}</pre>
 *
 * {@code checkpoint_path} is optional: when set, the final weights are written there. {@code
 * resume_checkpoint_path} (optional, with {@code resume_step}) starts from the weights of an
 * earlier run of the same model (an ASHA promotion continuing its previous rung) instead of from
 * scratch: training continues at step {@code resume_step + 1} up to the config's step budget.
 */
public record TrainerJob(
    @JsonbProperty("task_id") String taskId,
    @JsonbProperty("campaign_id") String campaignId,
    @JsonbProperty("config") Map<String, Object> config,
    @JsonbProperty("seeds") List<Long> seeds,
    @JsonbProperty("time_budget") Double timeBudget,
    @JsonbProperty("dataset_path") String datasetPath,
    @JsonbProperty("checkpoint_path") String checkpointPath,
    @JsonbProperty("resume_checkpoint_path") String resumeCheckpointPath,
    @JsonbProperty("resume_step") Long resumeStep) {

  @JsonbCreator
  public TrainerJob {}

  /** A job that starts from scratch. */
  public TrainerJob(
      String taskId,
      String campaignId,
      Map<String, Object> config,
      List<Long> seeds,
      Double timeBudget,
      String datasetPath,
      String checkpointPath) {
    this(taskId, campaignId, config, seeds, timeBudget, datasetPath, checkpointPath, null, null);
  }

  /** This job, starting from the weights at {@code path} reached after {@code step} steps. */
  public TrainerJob resumingFrom(String path, long step) {
    return new TrainerJob(
        taskId, campaignId, config, seeds, timeBudget, datasetPath, checkpointPath, path, step);
  }

  /** The step training resumes after: {@code resume_step} of a resumed job, else 0. */
  public long startStep() {
    return resumeCheckpointPath == null || resumeStep == null ? 0 : Math.max(0, resumeStep);
  }

  /** A job without a checkpoint file. */
  public TrainerJob(
      String taskId,
      String campaignId,
      Map<String, Object> config,
      List<Long> seeds,
      Double timeBudget,
      String datasetPath) {
    this(taskId, campaignId, config, seeds, timeBudget, datasetPath, null);
  }

  /** The first seed, or a fixed default when none was given. */
  public long seed() {
    return seeds == null || seeds.isEmpty() || seeds.get(0) == null ? 1337L : seeds.get(0);
  }

  /** Budget in seconds; 60 s when missing. */
  public double budgetSeconds() {
    return timeBudget == null || timeBudget <= 0 ? 60.0 : timeBudget;
  }
}
