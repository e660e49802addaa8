package org.xeenet.api;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;
import java.util.Map;

/**
 * One unit of work: a hyperparameter configuration of a code package, with seeds and a time budget
 * in seconds.
 */
public record TaskSpec(
    @JsonbProperty("task_id") String taskId,
    @JsonbProperty("campaign_id") String campaignId,
    @JsonbProperty("config") Map<String, Object> config,
    @JsonbProperty("code_package_ref") String codePackageRef,
    @JsonbProperty("time_budget") Integer timeBudget,
    @JsonbProperty("seeds") List<Long> seeds,
    @JsonbProperty("dataset") DatasetRef dataset) {}
