package org.xeenet.portal.boundary;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.event.FlowEvent;
import org.xeenet.api.AssistantAnswer;
import org.xeenet.api.AssistantQuestion;
import org.xeenet.api.BriefEstimate;
import org.xeenet.api.BriefSpec;
import org.xeenet.api.CampaignView;
import org.xeenet.api.Problem.FieldError;
import org.xeenet.assistant.boundary.Assistant;
import org.xeenet.campaign.boundary.CampaignOrchestrator;
import org.xeenet.campaign.control.BriefValidator;
import org.xeenet.dataset.boundary.DatasetCatalog;
import org.xeenet.portal.control.BriefFields;
import org.xeenet.portal.control.Eta;
import org.xeenet.portal.control.Formats;
import org.xeenet.portal.control.SearchSpaceJson;
import org.xeenet.portal.control.SearchSpaceRows;
import org.xeenet.portal.control.WizardSteps;
import org.xeenet.problem.NotFoundException;
import org.xeenet.problem.RejectedInputException;
import org.xeenet.search.control.CharLMSearchSpace;

/**
 * The brief wizard: what (title, question, template, dataset) → search (method, seed, search space)
 * → budgets (tasks, time and step/token budgets, replication, credits) → review (the cost and ETA
 * estimate) → launch. Each step is checked with the orchestrator's own rules before the next one
 * opens, and each error is shown next to its field. The assistant can propose a brief for a
 * research question; "Use this brief" fills the wizard with it.
 */
@Named("briefForm")
@ViewScoped
public class BriefForm implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String FORM = "brief";

  @EJB CampaignOrchestrator orchestrator;

  @EJB DatasetCatalog datasetCatalog;

  @EJB BriefEstimator estimator;

  @EJB Assistant assistant;

  @Inject PortalSession session;

  private String step = WizardSteps.WHAT;
  private String title;
  private String description;
  private String template = CharLMSearchSpace.TEMPLATE;
  private Integer numTasks = 20;
  private Integer timeBudget = 120;
  private String budgetKind = "time";
  private Long budgetAmount;
  private Integer replication = 1;
  private Double budgetCredits;
  private Integer parallelTasks;
  private String dataset = DatasetCatalog.DEFAULT_DATASET;
  private String search = "random";
  private String searchSpace;
  private Long seed;
  private final List<SearchSpaceRows.Row> rows = SearchSpaceRows.of(CharLMSearchSpace.defaults());

  private BriefEstimate estimate;
  private String question;
  private AssistantAnswer answer;
  private Map<String, Object> proposal;

  private List<String> datasets;

  /**
   * The brief the fields make; {@code null} (with messages) when the search space is unreadable.
   */
  BriefSpec brief(FacesContext faces) {
    Map<String, Object> overrides = SearchSpaceRows.overrides(rows);
    boolean bad = rows.stream().anyMatch(r -> !r.getError().isEmpty());
    try {
      Map<String, Object> json = SearchSpaceJson.parse(searchSpace);
      if (json != null) {
        overrides = overrides == null ? new LinkedHashMap<>() : new LinkedHashMap<>(overrides);
        overrides.putAll(json);
      }
    } catch (SearchSpaceJson.InvalidJson e) {
      error(faces, "searchSpace", e.getMessage());
      bad = true;
    }
    if (bad) {
      faces.validationFailed();
      return null;
    }
    return new BriefSpec(
        title,
        description == null || description.isBlank() ? null : description,
        numTasks,
        timeBudget,
        template,
        overrides,
        dataset,
        search,
        budgetCredits,
        replication,
        null,
        seed,
        null,
        "steps".equals(budgetKind) ? budgetAmount : null,
        "tokens".equals(budgetKind) ? budgetAmount : null,
        parallelTasks);
  }

  /** The wizard's flow listener: going forward, the steps passed must be right. */
  public String onFlow(FlowEvent event) {
    String from = event.getOldStep();
    String to = event.getNewStep();
    if (!WizardSteps.before(from, to)) {
      step = to;
      return to;
    }
    FacesContext faces = FacesContext.getCurrentInstance();
    BriefSpec brief = brief(faces);
    if (brief == null) {
      return from;
    }
    List<FieldError> errors = new ArrayList<>();
    for (FieldError e : estimator.validate(brief)) {
      if (!WizardSteps.before(to, WizardSteps.stepOf(e.field()))
          && !WizardSteps.stepOf(e.field()).equals(to)) {
        errors.add(e);
      }
    }
    if (!errors.isEmpty()) {
      show(faces, errors);
      String first = WizardSteps.stepOf(errors.get(0).field());
      step = first;
      return first;
    }
    if (WizardSteps.REVIEW.equals(to)) {
      estimate = estimateOf(faces, brief);
    }
    step = to;
    return to;
  }

  private BriefEstimate estimateOf(FacesContext faces, BriefSpec brief) {
    try {
      return estimator.estimate(brief, session.requireResearcher());
    } catch (RejectedInputException e) {
      show(faces, e.errors());
      return null;
    }
  }

  public String submit() {
    FacesContext faces = FacesContext.getCurrentInstance();
    BriefSpec brief = brief(faces);
    if (brief == null) {
      step = WizardSteps.SEARCH;
      return null;
    }
    CampaignView created;
    try {
      created = orchestrator.submit(brief, session.requireResearcher());
    } catch (RejectedInputException e) {
      show(faces, e.errors());
      faces.validationFailed();
      if (!e.errors().isEmpty()) {
        step = WizardSteps.stepOf(e.errors().get(0).field());
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

  private void show(FacesContext faces, List<FieldError> errors) {
    for (FieldError error : errors) {
      String field = error.field();
      if (field != null && field.startsWith("search_space.")) {
        String name = field.substring("search_space.".length());
        SearchSpaceRows.Row row =
            rows.stream().filter(r -> r.getName().equals(name)).findFirst().orElse(null);
        if (row != null) {
          row.setError(error.message());
          faces.validationFailed();
          continue;
        }
      }
      String input = inputFor(field);
      error(faces, input, BriefFields.message(field, error.message()));
    }
  }

  private static String inputFor(String field) {
    if (field == null) {
      return null;
    }
    return switch (field) {
      case "budget_steps", "budget_tokens" -> "budgetAmount";
      case "replication" -> "replication";
      case "budget_credits" -> "budgetCredits";
      case "parallel_tasks" -> "parallelTasks";
      case "template" -> "template";
      default -> BriefFields.inputFor(field);
    };
  }

  private static void error(FacesContext faces, String input, String message) {
    String clientId = null;
    if (input != null) {
      UIComponent form = faces.getViewRoot().findComponent(FORM);
      UIComponent component = form == null ? null : form.findComponent(input);
      clientId = component == null ? null : component.getClientId(faces);
    }
    faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, message));
    faces.validationFailed();
  }

  /** Asks the built-in assistant to propose a brief for the question typed. */
  public void ask() {
    proposal = null;
    try {
      answer = assistant.ask(new AssistantQuestion(question, null), session.requireResearcher());
    } catch (RejectedInputException e) {
      answer = new AssistantAnswer("help", null, "Type a research question first.", List.of());
    } catch (NotFoundException e) {
      answer = new AssistantAnswer("help", null, "No such campaign.", List.of());
    }
    if (answer.details() != null) {
      for (AssistantAnswer.Detail d : answer.details()) {
        if (d.data() != null && d.data().containsKey("search_space")) {
          proposal = d.data();
          break;
        }
      }
    }
  }

  /** Fills the wizard with the assistant's proposed brief and goes back to its first step. */
  @SuppressWarnings("unchecked")
  public void acceptProposal() {
    if (proposal == null) {
      return;
    }
    Map<String, Object> p = proposal;
    title = text(p.get("title"), title);
    description = text(p.get("description"), description);
    dataset = text(p.get("dataset"), dataset);
    search = text(p.get("search"), search);
    numTasks = integer(p.get("num_tasks"), numTasks);
    timeBudget = integer(p.get("time_budget_per_task"), timeBudget);
    replication = integer(p.get("replication"), replication);
    if (p.get("seed") instanceof Number n) {
      seed = n.longValue();
    }
    if (p.get("budget_steps") instanceof Number n) {
      budgetKind = "steps";
      budgetAmount = n.longValue();
    } else if (p.get("budget_tokens") instanceof Number n) {
      budgetKind = "tokens";
      budgetAmount = n.longValue();
    }
    searchSpace = null;
    Object space = p.get("search_space");
    SearchSpaceRows.fill(rows, space instanceof Map<?, ?> m ? (Map<String, Object>) m : null);
    step = WizardSteps.WHAT;
    FacesContext.getCurrentInstance()
        .addMessage(
            null,
            new FacesMessage(
                FacesMessage.SEVERITY_INFO,
                "The assistant's brief is in the wizard: check each step, then launch.",
                null));
  }

  private static String text(Object value, String otherwise) {
    return value instanceof String s && !s.isBlank() ? s : otherwise;
  }

  private static Integer integer(Object value, Integer otherwise) {
    return value instanceof Number n ? Integer.valueOf(n.intValue()) : otherwise;
  }

  public String getEstimateCredits() {
    return estimate == null ? "" : Formats.decimals(estimate.estimateCredits(), 2);
  }

  public String getEtaWords() {
    if (estimate == null) {
      return "";
    }
    return Eta.words(estimate.etaSeconds())
        + " with "
        + estimate.workersOnline()
        + (estimate.workersOnline() == 1 ? " worker" : " workers")
        + " online"
        + (estimate.workersOnline() == 0 ? " (counted as one)" : "");
  }

  public BriefEstimate getEstimate() {
    return estimate;
  }

  public String credits(double value) {
    return Formats.decimals(value, 2);
  }

  public String getOverridesSummary() {
    Map<String, Object> overrides = SearchSpaceRows.overrides(rows);
    try {
      Map<String, Object> json = SearchSpaceJson.parse(searchSpace);
      if (json != null) {
        overrides = overrides == null ? new LinkedHashMap<>() : new LinkedHashMap<>(overrides);
        overrides.putAll(json);
      }
    } catch (SearchSpaceJson.InvalidJson e) {
      return "unreadable JSON";
    }
    return overrides == null
        ? "the template's defaults"
        : jakarta.json.bind.JsonbBuilder.create().toJson(overrides);
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

  public List<SearchSpaceRows.Row> getRows() {
    return rows;
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

  public boolean isHasProposal() {
    return proposal != null;
  }

  public AssistantAnswer getAnswer() {
    return answer;
  }

  public String getStep() {
    return step;
  }

  public void setStep(String step) {
    this.step = step;
  }

  public String getQuestion() {
    return question;
  }

  public void setQuestion(String question) {
    this.question = question;
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

  public String getTemplate() {
    return template;
  }

  public void setTemplate(String template) {
    this.template = template;
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

  public String getBudgetKind() {
    return budgetKind;
  }

  public void setBudgetKind(String budgetKind) {
    this.budgetKind = budgetKind == null ? "time" : budgetKind;
  }

  public Long getBudgetAmount() {
    return budgetAmount;
  }

  public void setBudgetAmount(Long budgetAmount) {
    this.budgetAmount = budgetAmount;
  }

  public Integer getReplication() {
    return replication;
  }

  public void setReplication(Integer replication) {
    this.replication = replication;
  }

  public Double getBudgetCredits() {
    return budgetCredits;
  }

  public void setBudgetCredits(Double budgetCredits) {
    this.budgetCredits = budgetCredits;
  }

  public Integer getParallelTasks() {
    return parallelTasks;
  }

  public void setParallelTasks(Integer parallelTasks) {
    this.parallelTasks = parallelTasks;
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
