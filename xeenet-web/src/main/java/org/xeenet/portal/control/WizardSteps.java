package org.xeenet.portal.control;

import java.util.List;

/**
 * The brief wizard's steps and which brief fields each one asks for, so an error the orchestrator
 * reports is shown on the step where it can be fixed.
 */
public final class WizardSteps {
  public static final String WHAT = "what";
  public static final String SEARCH = "search";
  public static final String BUDGETS = "budgets";
  public static final String REVIEW = "review";
  public static final List<String> ORDER = List.of(WHAT, SEARCH, BUDGETS, REVIEW);

  private WizardSteps() {}

  /** The step of a brief field ({@code search_space.n_head} → search); unknown ones: review. */
  public static String stepOf(String field) {
    if (field == null) {
      return REVIEW;
    }
    String head = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
    return switch (head) {
      case "title", "description", "template", "dataset" -> WHAT;
      case "search", "seed", "search_space", "parallel_tasks" -> SEARCH;
      case "num_tasks",
          "time_budget_per_task",
          "budget_steps",
          "budget_tokens",
          "replication",
          "budget_credits",
          "priority" ->
          BUDGETS;
      default -> REVIEW;
    };
  }

  /** Whether {@code step} comes before {@code other}. */
  public static boolean before(String step, String other) {
    return ORDER.indexOf(step) < ORDER.indexOf(other);
  }
}
