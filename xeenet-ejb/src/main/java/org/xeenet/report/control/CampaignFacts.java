package org.xeenet.report.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.xeenet.api.CampaignResults;
import org.xeenet.api.CampaignView;
import org.xeenet.api.TaskView;
import org.xeenet.results.control.ResultsAggregator;

/**
 * What a report or the assistant knows of a campaign: its view, every task, and its aggregation
 * ({@code stored} when the results agent had one, else computed here from the tasks).
 */
public record CampaignFacts(
    CampaignView campaign, List<TaskView> tasks, CampaignResults results, boolean stored) {

  public static final String VALID = "VALID";

  /** Facts with the stored aggregation, or one computed from the tasks when there is none. */
  public static CampaignFacts of(
      CampaignView campaign, List<TaskView> tasks, CampaignResults storedResults) {
    if (storedResults != null) {
      return new CampaignFacts(campaign, tasks, storedResults, true);
    }
    return new CampaignFacts(campaign, tasks, aggregate(campaign, tasks), false);
  }

  /** Tasks whose result counts: valid, not simulated, with a val_bpb. */
  public List<TaskView> ranked() {
    return tasks.stream().filter(CampaignFacts::counts).toList();
  }

  public static boolean counts(TaskView t) {
    return VALID.equals(t.status()) && !t.simulated() && t.valBpb() != null;
  }

  /** The task of this index, or null. */
  public TaskView task(int index) {
    return tasks.stream().filter(t -> t.index() == index).findFirst().orElse(null);
  }

  public boolean hasResults() {
    return results != null && results.best() != null;
  }

  /** The aggregation of the valid, non-simulated tasks (no learning curves). */
  static CampaignResults aggregate(CampaignView campaign, List<TaskView> tasks) {
    List<ResultsAggregator.Row> rows = new ArrayList<>();
    for (TaskView t : tasks) {
      if (counts(t)) {
        rows.add(
            new ResultsAggregator.Row(
                t.index(),
                t.taskId(),
                t.seed(),
                t.config() == null ? Map.of() : t.config(),
                t.valBpb(),
                0,
                t.stepsCompleted(),
                t.tokensProcessed(),
                t.wallTimeSeconds()));
      }
    }
    ResultsAggregator.Aggregate a = ResultsAggregator.aggregate(rows, ResultsAggregator.TOP_K);
    return new CampaignResults(
        campaign.campaignId(),
        campaign.status(),
        campaign.search(),
        campaign.budgetKind(),
        campaign.budgetPerTask(),
        null,
        rows.size(),
        a.top().isEmpty() ? null : a.top().get(0),
        a.top(),
        a.effects(),
        ResultsAggregator.METHOD,
        a.importance(),
        List.of());
  }
}
