package org.xeenet.portal.control;

import java.util.Map;

/**
 * Where the brief form shows an error the orchestrator reports for a field of the brief: the id of
 * the form's input for that field, or {@code null} for an error about the brief as a whole.
 */
public final class BriefFields {
  private static final Map<String, String> INPUTS =
      Map.of(
          "title", "title",
          "description", "description",
          "num_tasks", "numTasks",
          "time_budget_per_task", "timeBudget",
          "dataset", "dataset",
          "search", "search",
          "search_space", "searchSpace",
          "seed", "seed");

  private BriefFields() {}

  /** The form input's id for a field of the brief ({@code search_space.n_head} → searchSpace). */
  public static String inputFor(String field) {
    if (field == null) {
      return null;
    }
    String head = field;
    int dot = field.indexOf('.');
    if (dot > 0) {
      head = field.substring(0, dot);
    }
    return INPUTS.get(head);
  }

  /**
   * The message to show: next to its input, the field's own message ({@code must be between 1 and
   * 10000}), prefixed by the parameter for search-space entries ({@code n_head: …}); elsewhere,
   * named by the field.
   */
  public static String message(String field, String message) {
    String input = inputFor(field);
    if (input == null) {
      return field == null ? message : field + ": " + message;
    }
    int dot = field.indexOf('.');
    return dot > 0 ? field.substring(dot + 1) + ": " + message : message;
  }
}
