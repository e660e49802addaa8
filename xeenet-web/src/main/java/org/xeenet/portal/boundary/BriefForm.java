package org.xeenet.portal.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.xeenet.api.BriefSpec;
import org.xeenet.api.CampaignView;
import org.xeenet.api.Problem.FieldError;
import org.xeenet.campaign.boundary.CampaignOrchestrator;
import org.xeenet.campaign.control.BriefValidator;
import org.xeenet.dataset.boundary.DatasetCatalog;
import org.xeenet.portal.control.BriefFields;
import org.xeenet.portal.control.SearchSpaceHint;
import org.xeenet.portal.control.SearchSpaceJson;
import org.xeenet.problem.RejectedInputException;
import org.xeenet.search.control.CharLMSearchSpace;

/**
 * The new-brief form. The orchestrator validates the brief; each error it names is shown next to
 * the field it concerns.
 */
@Named("briefForm")
@RequestScoped
public class BriefForm {
  static final String FORM = "brief";

  @EJB CampaignOrchestrator orchestrator;

  @EJB DatasetCatalog datasetCatalog;

  @Inject PortalSession session;

  private String title;
  private String description;
  private Integer numTasks = 20;
  private Integer timeBudget = 120;
  private String dataset = DatasetCatalog.DEFAULT_DATASET;
  private String search = "random";
  private String searchSpace;
  private Long seed;

  private List<String> datasets;

  public String submit() {
    FacesContext faces = FacesContext.getCurrentInstance();
    Map<String, Object> overrides;
    try {
      overrides = SearchSpaceJson.parse(searchSpace);
    } catch (SearchSpaceJson.InvalidJson e) {
      error(faces, FORM + ":searchSpace", e.getMessage());
      return null;
    }
    BriefSpec brief =
        new BriefSpec(
            title,
            description == null || description.isBlank() ? null : description,
            numTasks,
            timeBudget,
            null,
            overrides,
            dataset,
            search,
            null,
            null,
            null,
            seed,
            null);
    CampaignView created;
    try {
      created = orchestrator.submit(brief, session.requireResearcher());
    } catch (RejectedInputException e) {
      for (FieldError error : e.errors()) {
        String input = BriefFields.inputFor(error.field());
        error(
            faces,
            input == null ? null : FORM + ":" + input,
            BriefFields.message(error.field(), error.message()));
      }
      return null;
    }
    faces.getExternalContext().getFlash().setKeepMessages(true);
    faces.addMessage(
        null,
        new FacesMessage(
            FacesMessage.SEVERITY_INFO,
            "Campaign created: " + created.numTasks() + " tasks are being prepared.",
            null));
    return "/campaign.xhtml?faces-redirect=true&id="
        + URLEncoder.encode(created.campaignId(), StandardCharsets.UTF_8);
  }

  private static void error(FacesContext faces, String clientId, String message) {
    faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, message));
    faces.validationFailed();
  }

  public List<String> getDatasets() {
    if (datasets == null) {
      datasets = datasetCatalog.names();
    }
    return datasets;
  }

  public List<String> getSearches() {
    return BriefValidator.SUPPORTED_SEARCHES;
  }

  public List<SearchSpaceHint.Entry> getSearchSpaceDefaults() {
    return SearchSpaceHint.of(CharLMSearchSpace.defaults());
  }

  public int getMaxTasks() {
    return BriefValidator.MAX_TASKS;
  }

  public int getMinTimeBudget() {
    return BriefValidator.MIN_TIME_BUDGET;
  }

  public int getMaxTimeBudget() {
    return BriefValidator.MAX_TIME_BUDGET;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public Integer getNumTasks() {
    return numTasks;
  }

  public void setNumTasks(Integer numTasks) {
    this.numTasks = numTasks;
  }

  public Integer getTimeBudget() {
    return timeBudget;
  }

  public void setTimeBudget(Integer timeBudget) {
    this.timeBudget = timeBudget;
  }

  public String getDataset() {
    return dataset;
  }

  public void setDataset(String dataset) {
    this.dataset = dataset;
  }

  public String getSearch() {
    return search;
  }

  public void setSearch(String search) {
    this.search = search;
  }

  public String getSearchSpace() {
    return searchSpace;
  }

  public void setSearchSpace(String searchSpace) {
    this.searchSpace = searchSpace;
  }

  public Long getSeed() {
    return seed;
  }

  public void setSeed(Long seed) {
    this.seed = seed;
  }
}
