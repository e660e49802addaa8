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
import org.xeenet.campaign.boundary.CampaignOrchestrator;
import org.xeenet.portal.control.Eta;
import org.xeenet.portal.control.TaskTableQuery;
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

  @EJB PortalQueries queries;

  @Inject PortalSession session;

  private String id;
  private String sort = "valBpb";
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

  /** What is left to run, in words, with the workers online now; empty once finished. */
  public String getEta() {
    CampaignRow row = getCampaign();
    if (row == null || row.isFinished()) {
      return "";
    }
    long left = row.getProgress().count("QUEUED") + row.getProgress().count("LEASED");
    long online = queries.workersOnline();
    long seconds = Eta.seconds(left, row.getTimeBudget(), online);
    return seconds == 0
        ? "any moment"
        : Eta.words(seconds)
            + " ("
            + left
            + " runs left, "
            + online
            + (online == 1 ? " worker" : " workers")
            + " online)";
  }

  public String getChartUrl() {
    return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
        + "/portal/chart-data?id="
        + java.net.URLEncoder.encode(id == null ? "" : id, java.nio.charset.StandardCharsets.UTF_8);
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
    this.sort = "index".equals(sort) ? "index" : "valBpb";
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

  /** The task table's rows, a page at a time, sorted and filtered in the database. */
  private class Tasks extends LazyDataModel<TaskRow> {
    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      if (isMissing()) {
        return 0;
      }
      return (int)
          queries.taskCount(id, session.requireResearcher(), request(0, 1, null, filterBy));
    }

    @Override
    public List<TaskRow> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      if (isMissing() || pageSize <= 0) {
        return List.of();
      }
      return queries
          .taskPage(id, session.requireResearcher(), request(first, pageSize, sortBy, filterBy))
          .stream()
          .map(r -> new TaskRow(r.task(), r.workerName()))
          .toList();
    }

    private TaskTableQuery.Request request(
        int first, int size, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      String field = sort;
      boolean descending = false;
      if (sortBy != null && !sortBy.isEmpty()) {
        SortMeta meta = sortBy.values().iterator().next();
        if (meta.getOrder() != null && !meta.getOrder().isUnsorted()) {
          field = meta.getField();
          descending = meta.getOrder().isDescending();
        }
      }
      String status = statusFilter;
      String worker = null;
      if (filterBy != null) {
        FilterMeta s = filterBy.get("status");
        if (s != null && s.getFilterValue() != null && !s.getFilterValue().toString().isBlank()) {
          status = s.getFilterValue().toString();
        }
        FilterMeta w = filterBy.get("worker");
        if (w != null && w.getFilterValue() != null) {
          worker = w.getFilterValue().toString();
        }
      }
      return new TaskTableQuery.Request(status, worker, field, descending, first, size);
    }

    @Override
    public String getRowKey(TaskRow row) {
      return row.getTaskId();
    }

    @Override
    public TaskRow getRowData(String rowKey) {
      return null;
    }
  }
}
