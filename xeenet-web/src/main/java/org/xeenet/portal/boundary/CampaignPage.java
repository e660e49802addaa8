package org.xeenet.portal.boundary;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.xeenet.api.CampaignView;
import org.xeenet.api.TaskPage;
import org.xeenet.campaign.boundary.CampaignOrchestrator;
import org.xeenet.problem.ConflictException;
import org.xeenet.problem.NotFoundException;

/**
 * One campaign: its header (status, counts, best result), lifecycle buttons and the task table,
 * paged on the server and sorted by val_bpb (best first) or by index.
 */
@Named("campaignPage")
@ViewScoped
public class CampaignPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @EJB CampaignOrchestrator orchestrator;

  @Inject PortalSession session;

  private String id;
  private String sort = "val_bpb";
  private String statusFilter = "";
  private boolean missing;
  private transient CampaignRow campaign;
  private final Tasks tasks = new Tasks();

  /** The view action of a GET: reads the campaign named by {@code ?id=}. */
  public void load() {
    campaign = null;
    if (id == null || id.isBlank()) {
      missing = true;
      return;
    }
    getCampaign();
  }

  /** Called by the poll: forget what was read so the header and table show the latest. */
  public void refresh() {
    campaign = null;
  }

  public CampaignRow getCampaign() {
    if (campaign == null && !missing && id != null) {
      try {
        campaign = new CampaignRow(orchestrator.detail(id, session.requireResearcher()));
      } catch (NotFoundException e) {
        missing = true;
      }
    }
    return campaign;
  }

  public boolean isMissing() {
    return missing || getCampaign() == null;
  }

  /** Whether the page should keep polling. */
  public boolean isLive() {
    CampaignRow row = getCampaign();
    return row != null && !row.isFinished();
  }

  public void pause() {
    act("paused", orchestrator::pause);
  }

  public void resume() {
    act("resumed", orchestrator::resume);
  }

  public void cancel() {
    act("cancelled", orchestrator::cancel);
  }

  private void act(String done, BiFunction<String, String, CampaignView> action) {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      CampaignView view = action.apply(id, session.requireResearcher());
      campaign = new CampaignRow(view);
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Campaign " + done + ".", null));
    } catch (ConflictException e) {
      campaign = null;
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_WARN, "Not possible now: " + e.getMessage(), null));
    } catch (NotFoundException e) {
      missing = true;
      campaign = null;
    }
  }

  public LazyDataModel<TaskRow> getTasks() {
    return tasks;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getSort() {
    return sort;
  }

  public void setSort(String sort) {
    this.sort = "index".equals(sort) ? "index" : "val_bpb";
  }

  public String getStatusFilter() {
    return statusFilter;
  }

  public void setStatusFilter(String statusFilter) {
    this.statusFilter = statusFilter == null ? "" : statusFilter;
  }

  public List<String> getTaskStatuses() {
    return List.of("QUEUED", "LEASED", "SUBMITTED", "VALID", "INVALID", "FAILED", "CANCELLED");
  }

  /** The task table's rows, a page at a time from the orchestrator. */
  private class Tasks extends LazyDataModel<TaskRow> {
    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      if (isMissing()) {
        return 0;
      }
      return (int) page(1, 1).total();
    }

    @Override
    public List<TaskRow> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      if (isMissing() || pageSize <= 0) {
        return List.of();
      }
      TaskPage page = page(first / pageSize + 1, pageSize);
      setRowCount((int) page.total());
      return page.items().stream().map(TaskRow::new).toList();
    }

    @Override
    public String getRowKey(TaskRow row) {
      return row.getTaskId();
    }

    @Override
    public TaskRow getRowData(String rowKey) {
      return null;
    }

    private TaskPage page(int number, int size) {
      return orchestrator.tasks(
          id,
          session.requireResearcher(),
          statusFilter.isBlank() ? null : statusFilter,
          number,
          size,
          sort);
    }
  }
}
