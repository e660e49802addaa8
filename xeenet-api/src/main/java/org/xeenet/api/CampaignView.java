package org.xeenet.api;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.util.Map;

/**
 * A campaign as listed and shown: its brief's essentials, task counts by status, the best valid
 * result so far and the cost so far. {@code budget_kind} says which budget limits each task ({@code
 * time}, {@code steps} or {@code tokens}) and {@code budget_per_task} how much (seconds, steps or
 * tokens; for {@code asha} the top rung's). Credits: {@code budget_credits} was moved into the
 * campaign's escrow at launch, {@code escrow_credits} is left there (refunded when it ends), {@code
 * estimate_credits} is the launch estimate, {@code cost_credits} what validated results cost.
 */
public record CampaignView(
    @JsonbProperty("campaign_id") String campaignId,
    @JsonbProperty("title") String title,
    @JsonbProperty("description") String description,
    @JsonbProperty("status") String status,
    @JsonbProperty("status_detail") String statusDetail,
    @JsonbProperty("template") String template,
    @JsonbProperty("dataset") String dataset,
    @JsonbProperty("search") String search,
    @JsonbProperty("num_tasks") int numTasks,
    @JsonbProperty("time_budget_per_task") int timeBudgetPerTask,
    @JsonbProperty("created_at") Instant createdAt,
    @JsonbProperty("finished_at") Instant finishedAt,
    @JsonbProperty("task_counts") Map<String, Long> taskCounts,
    @JsonbProperty("best") BestResult best,
    @JsonbProperty("cost_credits") double costCredits,
    @JsonbProperty("priority") int priority,
    @JsonbProperty("hardware") ResourceProfile hardware,
    @JsonbProperty("budget_kind") String budgetKind,
    @JsonbProperty("budget_per_task") Long budgetPerTask,
    @JsonbProperty("budget_credits") Double budgetCredits,
    @JsonbProperty("escrow_credits") Double escrowCredits,
    @JsonbProperty("estimate_credits") Double estimateCredits) {

  /** The best valid, non-simulated result of a campaign so far (lowest val_bpb). */
  public record BestResult(
      @JsonbProperty("task_id") String taskId,
      @JsonbProperty("val_bpb") double valBpb,
      @JsonbProperty("config") Map<String, Object> config) {}
}
