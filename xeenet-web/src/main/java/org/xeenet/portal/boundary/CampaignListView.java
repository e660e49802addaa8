package org.xeenet.portal.boundary;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.xeenet.campaign.boundary.CampaignOrchestrator;
import org.xeenet.portal.control.CampaignOrder;
import org.xeenet.portal.control.Eta;

/**
 * The signed-in researcher's campaigns, filtered by title words and status and sorted as chosen;
 * read once per request (page or poll), the filter kept for the view.
 */
@Named("campaignList")
@ViewScoped
public class CampaignListView implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final CampaignOrder.Keys<CampaignRow> KEYS =
      new CampaignOrder.Keys<>(
          CampaignRow::getTitle,
          CampaignRow::getStatus,
          CampaignRow::getCreatedAt,
          r -> r.isHasBest() ? r.getBestValue() : null,
          CampaignRow::getPercent,
          CampaignRow::getCostCredits);

  @EJB CampaignOrchestrator orchestrator;

  @EJB PortalQueries queries;

  @Inject PortalSession session;

  private String text = "";
  private String status = "";
  private String sort = "newest";
  private transient List<CampaignRow> all;
  private transient Long online;

  private List<CampaignRow> all() {
    if (all == null) {
      all = orchestrator.list(session.requireResearcher()).stream().map(CampaignRow::new).toList();
    }
    return all;
  }

  public List<CampaignRow> getRows() {
    return CampaignOrder.apply(all(), text, status, sort, KEYS);
  }

  public int getTotal() {
    return all().size();
  }

  /** Whether some campaign is still going, so the page keeps polling. */
  public boolean isAnyActive() {
    return all().stream().anyMatch(row -> !row.isFinished());
  }

  /** Called by the poll: forget what was read so the table shows the latest. */
  public void refresh() {
    all = null;
    online = null;
  }

  /** A running campaign's time left with the workers online now; empty once finished. */
  public String eta(CampaignRow row) {
    if (row.isFinished()) {
      return "";
    }
    if (online == null) {
      online = queries.workersOnline();
    }
    long left = row.getProgress().count("QUEUED") + row.getProgress().count("LEASED");
    return Eta.words(Eta.seconds(left, row.getTimeBudget(), online));
  }

  public List<String> getStatuses() {
    return List.of("EXPANDING", "RUNNING", "PAUSED", "COMPLETED", "CANCELLED", "FAILED");
  }

  public List<String> getSorts() {
    return CampaignOrder.SORTS;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text == null ? "" : text;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status == null ? "" : status;
  }

  public String getSort() {
    return sort;
  }

  public void setSort(String sort) {
    this.sort = sort == null || !CampaignOrder.SORTS.contains(sort) ? "newest" : sort;
  }
}
