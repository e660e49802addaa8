package org.xeenet.api;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import java.util.Map;

/**
 * A research brief. {@code search_space} overrides the template's ranges: per parameter, a number
 * (fixed), a list (choices) or {@code {"low":…, "high":…, "log":…}} (a range). {@code budget_steps}
 * / {@code budget_tokens} give each task a step or token budget on top of its wall time ({@code
 * max_steps} / {@code max_tokens} in its config); {@code parallel_tasks} is how many tasks an
 * adaptive search ({@code tpe}, {@code asha}) keeps open at once.
 */
public record BriefSpec(
    @JsonbProperty("title") String title,
    @JsonbProperty("description") String description,
    @JsonbProperty("num_tasks") Integer numTasks,
    @JsonbProperty("time_budget_per_task") Integer timeBudgetPerTask,
    @JsonbProperty("template") String template,
    @JsonbProperty("search_space") Map<String, Object> searchSpace,
    @JsonbProperty("dataset") String dataset,
    @JsonbProperty("search") String search,
    @JsonbProperty("budget_credits") Double budgetCredits,
    @JsonbProperty("replication") Integer replication,
    @JsonbProperty("hardware") ResourceProfile hardware,
    @JsonbProperty("seed") Long seed,
    @JsonbProperty("priority") Integer priority,
    @JsonbProperty("budget_steps") Long budgetSteps,
    @JsonbProperty("budget_tokens") Long budgetTokens,
    @JsonbProperty("parallel_tasks") Integer parallelTasks) {

  /** The constructor JSON-B uses (absent fields are null); the record has a second one. */
  @JsonbCreator
  public BriefSpec {}

  /** A brief without step/token budgets and with the default parallelism. */
  public BriefSpec(
      String title,
      String description,
      Integer numTasks,
      Integer timeBudgetPerTask,
      String template,
      Map<String, Object> searchSpace,
      String dataset,
      String search,
      Double budgetCredits,
      Integer replication,
      ResourceProfile hardware,
      Long seed,
      Integer priority) {
    this(
        title,
        description,
        numTasks,
        timeBudgetPerTask,
        template,
        searchSpace,
        dataset,
        search,
        budgetCredits,
        replication,
        hardware,
        seed,
        priority,
        null,
        null,
        null);
  }
}
