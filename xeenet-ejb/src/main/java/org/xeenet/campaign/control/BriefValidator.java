package org.xeenet.campaign.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.xeenet.api.BriefSpec;
import org.xeenet.api.Problem.FieldError;
import org.xeenet.api.ResourceProfile;
import org.xeenet.search.control.CharLMSearchSpace;

/**
 * The rules a brief must satisfy before a campaign is created from it. Reports every broken rule at
 * once, each naming its field.
 */
public final class BriefValidator {
  public static final int MAX_TASKS = 100_000;
  public static final int MIN_TIME_BUDGET = 5;
  public static final int MAX_TIME_BUDGET = 86_400;
  public static final List<String> SUPPORTED_SEARCHES =
      List.of("random", "sobol", "grid", "tpe", "asha");
  static final List<String> KNOWN_SEARCHES = List.of("random", "sobol", "grid", "tpe", "asha");

  private final Set<String> knownDatasets;

  public BriefValidator(Set<String> knownDatasets) {
    this.knownDatasets = Set.copyOf(knownDatasets);
  }

  public List<FieldError> validate(BriefSpec brief) {
    List<FieldError> errors = new ArrayList<>();
    if (brief == null) {
      errors.add(new FieldError("body", "a brief is required"));
      return errors;
    }
    if (brief.title() == null || brief.title().isBlank()) {
      errors.add(new FieldError("title", "must not be blank"));
    } else if (brief.title().length() > 200) {
      errors.add(new FieldError("title", "must be at most 200 characters"));
    }
    if (brief.description() != null && brief.description().length() > 4000) {
      errors.add(new FieldError("description", "must be at most 4000 characters"));
    }
    if (brief.numTasks() == null) {
      errors.add(new FieldError("num_tasks", "is required"));
    } else if (brief.numTasks() < 1 || brief.numTasks() > MAX_TASKS) {
      errors.add(new FieldError("num_tasks", "must be between 1 and " + MAX_TASKS));
    }
    if (brief.timeBudgetPerTask() == null) {
      errors.add(new FieldError("time_budget_per_task", "is required"));
    } else if (brief.timeBudgetPerTask() < MIN_TIME_BUDGET
        || brief.timeBudgetPerTask() > MAX_TIME_BUDGET) {
      errors.add(
          new FieldError(
              "time_budget_per_task",
              "must be between " + MIN_TIME_BUDGET + " and " + MAX_TIME_BUDGET + " seconds"));
    }
    if (brief.template() != null && !CharLMSearchSpace.TEMPLATE.equals(brief.template())) {
      errors.add(new FieldError("template", "unknown template; known: [char-lm]"));
    }
    if (brief.dataset() != null && !knownDatasets.contains(brief.dataset())) {
      errors.add(new FieldError("dataset", "unknown dataset; known: " + knownDatasets));
    }
    if (brief.search() != null) {
      if (!KNOWN_SEARCHES.contains(brief.search())) {
        errors.add(new FieldError("search", "must be one of " + KNOWN_SEARCHES));
      } else if (!SUPPORTED_SEARCHES.contains(brief.search())) {
        errors.add(
            new FieldError(
                "search", "not available on this server yet; available: " + SUPPORTED_SEARCHES));
      }
    }
    if (brief.budgetCredits() != null
        && (!Double.isFinite(brief.budgetCredits()) || brief.budgetCredits() < 0)) {
      errors.add(new FieldError("budget_credits", "must be a non-negative number"));
    }
    if (brief.replication() != null && (brief.replication() < 1 || brief.replication() > 5)) {
      errors.add(new FieldError("replication", "must be between 1 and 5"));
    }
    if (brief.priority() != null && (brief.priority() < -100 || brief.priority() > 100)) {
      errors.add(new FieldError("priority", "must be between -100 and 100"));
    }
    if (brief.budgetSteps() != null && brief.budgetSteps() < 1) {
      errors.add(new FieldError("budget_steps", "must be at least 1"));
    }
    if (brief.budgetTokens() != null && brief.budgetTokens() < 1) {
      errors.add(new FieldError("budget_tokens", "must be at least 1"));
    }
    if (brief.budgetSteps() != null && brief.budgetTokens() != null) {
      errors.add(new FieldError("budget_tokens", "give budget_steps or budget_tokens, not both"));
    }
    if (brief.parallelTasks() != null
        && (brief.parallelTasks() < 1 || brief.parallelTasks() > MAX_TASKS)) {
      errors.add(new FieldError("parallel_tasks", "must be between 1 and " + MAX_TASKS));
    }
    ResourceProfile hardware = brief.hardware();
    if (hardware != null) {
      if (hardware.cpuCores() != null && hardware.cpuCores() < 1) {
        errors.add(new FieldError("hardware.cpu_cores", "must be at least 1"));
      }
      if (hardware.ramGb() != null && hardware.ramGb() < 0) {
        errors.add(new FieldError("hardware.ram_gb", "must not be negative"));
      }
      if (hardware.gpuVramGb() != null && hardware.gpuVramGb() < 0) {
        errors.add(new FieldError("hardware.gpu_vram_gb", "must not be negative"));
      }
    }
    CharLMSearchSpace.withOverrides(brief.searchSpace(), errors);
    return errors;
  }
}
