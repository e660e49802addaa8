package org.xeenet.portal.boundary;

import java.util.Map;
import org.xeenet.api.CampaignView;
import org.xeenet.portal.control.ConfigSummary;
import org.xeenet.portal.control.Formats;
import org.xeenet.portal.control.Lifecycle;
import org.xeenet.portal.control.Progress;

/** A campaign as the pages show it: the orchestrator's view plus its progress and formats. */
public class CampaignRow {
  private final CampaignView view;
  private final Progress progress;

  public CampaignRow(CampaignView view) {
    this.view = view;
    this.progress = Progress.of(view.taskCounts(), view.numTasks());
  }

  public CampaignView getView() {
    return view;
  }

  public String getId() {
    return view.campaignId();
  }

  public String getTitle() {
    return view.title();
  }

  public String getStatus() {
    return view.status();
  }

  /** For the status badge's CSS class: {@code status-running}. */
  public String getStatusClass() {
    return "status-badge status-" + view.status().toLowerCase(java.util.Locale.ROOT);
  }

  public Progress getProgress() {
    return progress;
  }

  public int getPercent() {
    return progress.percent();
  }

  public String getFraction() {
    return progress.fraction();
  }

  public String getCountsLine() {
    return progress.line();
  }

  /** Task counts for the statuses the header shows, as (lower-case status, count). */
  public java.util.List<java.util.Map.Entry<String, Long>> getCountItems() {
    java.util.List<java.util.Map.Entry<String, Long>> items = new java.util.ArrayList<>();
    for (String status : Progress.SHOWN) {
      items.add(Map.entry(status.toLowerCase(java.util.Locale.ROOT), progress.count(status)));
    }
    for (String status : java.util.List.of("SUBMITTED", "CANCELLED")) {
      if (progress.count(status) > 0) {
        items.add(Map.entry(status.toLowerCase(java.util.Locale.ROOT), progress.count(status)));
      }
    }
    return items;
  }

  public String getDescription() {
    return view.description() == null ? "" : view.description();
  }

  public String getStatusDetail() {
    return view.statusDetail() == null ? "" : view.statusDetail();
  }

  public String getDataset() {
    return view.dataset();
  }

  public String getSearch() {
    return view.search();
  }

  public int getNumTasks() {
    return view.numTasks();
  }

  public int getTimeBudget() {
    return view.timeBudgetPerTask();
  }

  /** The per-task budget: steps or tokens plus wall time, or wall time only. */
  public String getBudget() {
    return org.xeenet.portal.control.Formats.budget(
        view.budgetKind(), view.budgetPerTask(), view.timeBudgetPerTask());
  }

  public String getBestTaskId() {
    return view.best() == null ? "" : view.best().taskId();
  }

  public boolean isHasBest() {
    return view.best() != null;
  }

  public String getBestBpb() {
    return view.best() == null ? "" : Formats.bpb(view.best().valBpb());
  }

  public String getBestConfig() {
    return view.best() == null ? "" : ConfigSummary.full(view.best().config());
  }

  public String getBestConfigCompact() {
    return view.best() == null ? "" : ConfigSummary.compact(view.best().config());
  }

  public String getCreated() {
    return Formats.instant(view.createdAt());
  }

  public String getFinishedAt() {
    return Formats.instant(view.finishedAt());
  }

  /** What validated results cost so far, of the budget held at launch. */
  public String getCost() {
    String cost = Formats.decimals(view.costCredits(), 2);
    return view.budgetCredits() == null
        ? cost
        : cost + " of " + Formats.decimals(view.budgetCredits(), 2);
  }

  public double getCostCredits() {
    return view.costCredits();
  }

  /** The best val_bpb as a number for sorting (missing ones last). */
  public double getBestValue() {
    return view.best() == null ? Double.MAX_VALUE : view.best().valBpb();
  }

  public java.time.Instant getCreatedAt() {
    return view.createdAt();
  }

  public boolean isFinished() {
    return Lifecycle.isFinished(view.status());
  }

  public boolean isPausable() {
    return Lifecycle.canPause(view.status());
  }

  public boolean isResumable() {
    return Lifecycle.canResume(view.status());
  }

  public boolean isCancellable() {
    return Lifecycle.canCancel(view.status());
  }
}
