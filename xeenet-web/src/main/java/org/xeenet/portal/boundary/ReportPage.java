package org.xeenet.portal.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.xeenet.api.CampaignResults.ParameterImportance;
import org.xeenet.portal.control.ConfigSummary;
import org.xeenet.portal.control.Formats;
import org.xeenet.problem.NotFoundException;
import org.xeenet.report.boundary.CampaignReports;
import org.xeenet.report.control.CampaignFacts;
import org.xeenet.report.control.CampaignReport;

/**
 * The printable campaign report ({@code report.xhtml?id=…}): the same content as the Markdown
 * report (question, what was run, best configuration, what mattered, cost, caveats) with the
 * campaign page's charts.
 */
@Named("reportPage")
@RequestScoped
public class ReportPage {
  @EJB CampaignReports reports;

  @Inject PortalSession session;

  private String id;
  private CampaignFacts facts;
  private Map<String, Object> json;
  private CampaignReport.Compute compute;
  private boolean missing;

  public void load() {
    if (id == null || id.isBlank()) {
      missing = true;
      return;
    }
    try {
      facts = reports.facts(id, session.requireResearcher());
      json = CampaignReport.json(facts);
      compute = CampaignReport.compute(facts);
    } catch (NotFoundException e) {
      missing = true;
    }
  }

  public boolean isMissing() {
    return missing || facts == null;
  }

  public Map<String, Object> getJson() {
    return json;
  }

  public CampaignFacts getFacts() {
    return facts;
  }

  public CampaignReport.Compute getCompute() {
    return compute;
  }

  public String getStatusLine() {
    return CampaignReport.statusLine(compute.tasksByStatus());
  }

  public boolean isHasBest() {
    return facts.results() != null && facts.results().best() != null;
  }

  public String getBestBpb() {
    return Formats.bpb(facts.results().best().valBpb());
  }

  public int getBestIndex() {
    return facts.results().best().index();
  }

  public String getBestConfig() {
    return ConfigSummary.full(facts.results().best().config());
  }

  public List<ParameterImportance> getImportance() {
    return CampaignReport.importance(facts.results());
  }

  public List<String> getCaveats() {
    return CampaignReport.caveats(facts, compute);
  }

  public String percent(double share) {
    return Formats.decimals(share * 100, 1) + " %";
  }

  public String credits(Double value) {
    return value == null ? "–" : Formats.decimals(value, 2);
  }

  public String hours(double seconds) {
    return Formats.decimals(seconds / 3600.0, 2);
  }

  public List<org.xeenet.api.CampaignResults.RankedResult> getTop() {
    if (facts.results() == null || facts.results().topK() == null) {
      return List.of();
    }
    return facts.results().topK().stream().limit(CampaignReport.TOP).toList();
  }

  public String config(Map<String, Object> config) {
    return ConfigSummary.compact(config);
  }

  public String bpb(double value) {
    return Formats.bpb(value);
  }

  public String getChartUrl() {
    return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
        + "/portal/chart-data?id="
        + URLEncoder.encode(id, StandardCharsets.UTF_8);
  }

  public String getGenerated() {
    return Formats.instant(java.time.Instant.now());
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }
}
