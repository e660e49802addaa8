package org.xeenet.api;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.Map;

/**
 * A research brief. {@code search_space} overrides the template's ranges: per parameter, a number
 * (fixed), a list (choices) or {@code {"low":…, "high":…, "log":…}} (a range).
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
    @JsonbProperty("priority") Integer priority) {}
