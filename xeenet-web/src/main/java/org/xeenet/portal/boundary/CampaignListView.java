package org.xeenet.portal.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.xeenet.campaign.boundary.CampaignOrchestrator;

/** The signed-in researcher's campaigns, newest first; read once per request (page or poll). */
@Named("campaignList")
@RequestScoped
public class CampaignListView {
  @EJB CampaignOrchestrator orchestrator;

  @Inject PortalSession session;

  private List<CampaignRow> rows;

  public List<CampaignRow> getRows() {
    if (rows == null) {
      rows = orchestrator.list(session.requireResearcher()).stream().map(CampaignRow::new).toList();
    }
    return rows;
  }

  /** Whether some campaign is still going, so the page keeps polling. */
  public boolean isAnyActive() {
    return getRows().stream().anyMatch(row -> !row.isFinished());
  }

  /** Called by the poll: forget what was read so the table shows the latest. */
  public void refresh() {
    rows = null;
  }
}
