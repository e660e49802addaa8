package org.xeenet.report.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xeenet.api.CampaignResults;
import org.xeenet.api.CampaignView;
import org.xeenet.api.TaskPage;
import org.xeenet.api.TaskView;
import org.xeenet.campaign.boundary.CampaignOrchestrator;
import org.xeenet.problem.NotFoundException;
import org.xeenet.problem.RejectedInputException;
import org.xeenet.report.control.CampaignFacts;
import org.xeenet.report.control.CampaignReport;
import org.xeenet.results.boundary.CampaignResultsService;

/**
 * The report agent: gathers a campaign's facts for its owner (or the administrator) through the
 * campaign and results agents, and renders the report. Each agent runs in its own transaction: a
 * missing aggregation (404 of the results agent) only means the report computes one from the tasks.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CampaignReports {
  static final int PAGE = 500;

  @EJB CampaignOrchestrator orchestrator;

  @EJB CampaignResultsService results;

  /** A rendered report: its body and media type. */
  public record Rendered(Object body, String mediaType, String fileName) {}

  /** The facts of the caller's campaign (404 when it is not theirs and they are not admin). */
  public CampaignFacts facts(String campaignId, String callerId) {
    CampaignView view = orchestrator.detail(campaignId, callerId);
    List<TaskView> tasks = new ArrayList<>();
    for (int page = 1; ; page++) {
      TaskPage p = orchestrator.tasks(campaignId, callerId, null, page, PAGE, "index");
      tasks.addAll(p.items());
      if (p.items().size() < PAGE || tasks.size() >= p.total()) {
        break;
      }
    }
    CampaignResults stored;
    try {
      stored = results.view(campaignId, callerId);
    } catch (NotFoundException | jakarta.ejb.EJBException e) {
      // no aggregation yet, or the administrator looking at another researcher's campaign
      stored = null;
    }
    return CampaignFacts.of(view, tasks, stored);
  }

  /** The report in {@code md} (default), {@code csv} or {@code json}; 400 for another format. */
  public Rendered render(String campaignId, String callerId, String format) {
    String f = format == null || format.isBlank() ? "md" : format.strip().toLowerCase(Locale.ROOT);
    if (!CampaignReport.FORMATS.contains(f)) {
      throw new RejectedInputException("format", "must be one of md, csv, json");
    }
    CampaignFacts facts = facts(campaignId, callerId);
    String name = "campaign-" + campaignId + "-report." + f;
    return switch (f) {
      case "csv" -> new Rendered(CampaignReport.csv(facts), "text/csv; charset=UTF-8", name);
      case "json" -> {
        Map<String, Object> json = CampaignReport.json(facts);
        yield new Rendered(json, "application/json", name);
      }
      default -> new Rendered(CampaignReport.markdown(facts), "text/markdown; charset=UTF-8", name);
    };
  }
}
