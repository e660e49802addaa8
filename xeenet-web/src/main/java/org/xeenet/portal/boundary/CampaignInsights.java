package org.xeenet.portal.boundary;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.xeenet.api.AssistantAnswer;
import org.xeenet.api.AssistantQuestion;
import org.xeenet.assistant.boundary.Assistant;
import org.xeenet.portal.control.Formats;
import org.xeenet.portal.control.ResultsCharts;
import org.xeenet.problem.NotFoundException;
import org.xeenet.problem.RejectedInputException;
import org.xeenet.report.boundary.CampaignReports;
import org.xeenet.report.control.CampaignFacts;

/**
 * The campaign page's results panel (importance, val_bpb against each parameter, best so far) and
 * its assistant panel (a question, the short answer, the details behind a "more" toggle).
 */
@Named("insights")
@ViewScoped
public class CampaignInsights implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Jsonb PRETTY = JsonbBuilder.create(new JsonbConfig().withFormatting(true));

  @EJB CampaignReports reports;

  @EJB Assistant assistant;

  @Inject CampaignPage page;

  @Inject PortalSession session;

  private String question;
  private AssistantAnswer answer;
  private boolean showDetails;
  private transient CampaignFacts facts;

  /** The campaign's facts, read once per request. */
  public CampaignFacts getFacts() {
    if (facts == null && page.getId() != null && !page.isMissing()) {
      try {
        facts = reports.facts(page.getId(), session.requireResearcher());
      } catch (NotFoundException e) {
        return null;
      }
    }
    return facts;
  }

  /** Forget what was read so the panel shows the latest results. */
  public void refresh() {
    facts = null;
  }

  public boolean isHasResults() {
    CampaignFacts f = getFacts();
    return f != null && f.hasResults();
  }

  /** Whether the aggregation shown is the stored one (else computed from the task table). */
  public boolean isStored() {
    CampaignFacts f = getFacts();
    return f != null && f.stored();
  }

  public int getResultsCount() {
    CampaignFacts f = getFacts();
    return f == null ? 0 : f.ranked().size();
  }

  public String getImportanceChart() {
    return ResultsCharts.importance(getFacts().results());
  }

  public boolean isHasImportance() {
    CampaignFacts f = getFacts();
    return f != null
        && f.results() != null
        && f.results().importance() != null
        && !f.results().importance().isEmpty();
  }

  public List<String> getParameters() {
    CampaignFacts f = getFacts();
    return f == null ? List.of() : ResultsCharts.parameters(f);
  }

  public String scatterChart(String parameter) {
    return ResultsCharts.scatter(getFacts(), parameter);
  }

  public String getBestOverTimeChart() {
    return ResultsCharts.bestOverTime(getFacts());
  }

  public String getReportUrl() {
    return "portal/report?id=" + page.getId();
  }

  /** Asks the assistant the question typed, about this campaign. */
  public void ask() {
    showDetails = false;
    try {
      answer =
          assistant.ask(new AssistantQuestion(question, page.getId()), session.requireResearcher());
    } catch (RejectedInputException e) {
      answer = new AssistantAnswer("help", page.getId(), "Type a question first.", List.of());
    } catch (NotFoundException e) {
      answer = new AssistantAnswer("help", page.getId(), "This campaign is not yours.", List.of());
    }
  }

  public void toggleDetails() {
    showDetails = !showDetails;
  }

  public String dataJson(Map<String, Object> data) {
    return data == null || data.isEmpty() ? "" : PRETTY.toJson(data);
  }

  public String bpb(Double value) {
    return Formats.bpb(value);
  }

  public String getQuestion() {
    return question;
  }

  public void setQuestion(String question) {
    this.question = question;
  }

  public AssistantAnswer getAnswer() {
    return answer;
  }

  public boolean isShowDetails() {
    return showDetails;
  }
}
