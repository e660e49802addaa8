package org.xeenet.portal.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import org.xeenet.portal.control.ConfigSummary;
import org.xeenet.portal.control.Formats;
import org.xeenet.portal.control.ResultsCharts;
import org.xeenet.portal.control.Validation;
import org.xeenet.problem.NotFoundException;

/** One task of a campaign ({@code task.xhtml?campaign=…&index=…}): read once per request. */
@Named("taskPage")
@RequestScoped
public class TaskPageView {
  @EJB PortalQueries queries;

  @Inject PortalSession session;

  private String campaign;
  private Integer index;
  private PortalQueries.TaskDetail task;
  private boolean missing;

  /** The view action: reads the task, or marks it missing (unknown, or not the caller's). */
  public void load() {
    if (campaign == null || campaign.isBlank() || index == null) {
      missing = true;
      return;
    }
    try {
      task = queries.task(campaign, index, session.requireResearcher());
    } catch (NotFoundException e) {
      missing = true;
    }
  }

  public boolean isMissing() {
    return missing || task == null;
  }

  public PortalQueries.TaskDetail getTask() {
    return task;
  }

  public String getStatusClass() {
    return "status-badge status-" + task.status().toLowerCase(java.util.Locale.ROOT);
  }

  public List<Map.Entry<String, Object>> getConfig() {
    return task.config().entrySet().stream().toList();
  }

  public String plain(Object value) {
    return ConfigSummary.plain(value);
  }

  public String bpb(Double value) {
    return Formats.bpb(value);
  }

  public String decimals(Double value, int digits) {
    return Formats.decimals(value, digits);
  }

  public String instant(java.time.Instant value) {
    return Formats.instant(value);
  }

  /** The validation outcome in a sentence. */
  public String getOutcome() {
    return Validation.outcome(
        task.status(),
        task.simulated(),
        task.checks().stream().map(PortalQueries.Check::kind).toList(),
        task.failureReasons());
  }

  public boolean isHasCurve() {
    return task != null && !task.curve().isEmpty();
  }

  public String getCurveChart() {
    return ResultsCharts.curve(task.curve());
  }

  public String getCampaign() {
    return campaign;
  }

  public void setCampaign(String campaign) {
    this.campaign = campaign;
  }

  public Integer getIndex() {
    return index;
  }

  public void setIndex(Integer index) {
    this.index = index;
  }
}
