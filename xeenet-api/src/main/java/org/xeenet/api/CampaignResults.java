package org.xeenet.api;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The aggregation of a campaign's valid, non-simulated results (the {@code aggregate-results} job
 * computes it when the campaign ends, or on request): the best configuration with its seed and
 * learning curve, the top k, the mean val_bpb per parameter value or bin, each parameter's
 * importance (method named in {@code importance_method}) and the learning curves of the best tasks.
 */
public record CampaignResults(
    @JsonbProperty("campaign_id") String campaignId,
    @JsonbProperty("campaign_status") String campaignStatus,
    @JsonbProperty("search") String search,
    @JsonbProperty("budget_kind") String budgetKind,
    @JsonbProperty("budget_per_task") Long budgetPerTask,
    @JsonbProperty("computed_at") Instant computedAt,
    @JsonbProperty("results_count") int resultsCount,
    @JsonbProperty("best") RankedResult best,
    @JsonbProperty("top_k") List<RankedResult> topK,
    @JsonbProperty("parameter_effects") List<ParameterEffect> parameterEffects,
    @JsonbProperty("importance_method") String importanceMethod,
    @JsonbProperty("importance") List<ParameterImportance> importance,
    @JsonbProperty("learning_curves") List<LearningCurve> learningCurves) {

  /**
   * One valid result, ranked by val_bpb (1 = best); {@code rung} and {@code budget} (steps, tokens
   * or seconds) are those the task ran with (ASHA rungs; rung 0 otherwise).
   */
  public record RankedResult(
      @JsonbProperty("rank") int rank,
      @JsonbProperty("task_id") String taskId,
      @JsonbProperty("index") int index,
      @JsonbProperty("seed") long seed,
      @JsonbProperty("val_bpb") double valBpb,
      @JsonbProperty("config") Map<String, Object> config,
      @JsonbProperty("rung") int rung,
      @JsonbProperty("steps_completed") Long stepsCompleted,
      @JsonbProperty("tokens_processed") Long tokensProcessed,
      @JsonbProperty("wall_time_seconds") Double wallTimeSeconds,
      @JsonbProperty("curve") List<CurvePoint> curve) {}

  /**
   * Mean val_bpb of the results per value of a parameter ({@code kind} {@code values}) or per
   * quantile bin of its range ({@code bins}).
   */
  public record ParameterEffect(
      @JsonbProperty("parameter") String parameter,
      @JsonbProperty("kind") String kind,
      @JsonbProperty("bins") List<EffectBin> bins) {}

  /** One value or bin: its bounds (equal for a value), count, mean and best val_bpb. */
  public record EffectBin(
      @JsonbProperty("label") String label,
      @JsonbProperty("low") Double low,
      @JsonbProperty("high") Double high,
      @JsonbProperty("count") long count,
      @JsonbProperty("mean_val_bpb") double meanValBpb,
      @JsonbProperty("min_val_bpb") double minValBpb) {}

  /**
   * {@code importance}: the fraction of val_bpb's variance the parameter's bins explain alone;
   * {@code share}: importance over the sum of importances.
   */
  public record ParameterImportance(
      @JsonbProperty("parameter") String parameter,
      @JsonbProperty("importance") double importance,
      @JsonbProperty("share") double share) {}

  /** The learning curve a task's worker reported. */
  public record LearningCurve(
      @JsonbProperty("task_id") String taskId,
      @JsonbProperty("index") int index,
      @JsonbProperty("val_bpb") double valBpb,
      @JsonbProperty("points") List<CurvePoint> points) {}
}
