package org.xeenet.api;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * What a brief would cost and take before it is launched ({@code POST /briefs/estimate}): {@code
 * task_runs} = num_tasks × replication; {@code estimate_credits} is the amount held at launch when
 * the brief sets no {@code budget_credits} (every run computing for its whole time budget at the
 * reference rate, platform fee included); {@code eta_seconds} is the runs in waves of {@code
 * workers_online} (at least one), each one time budget long.
 */
public record BriefEstimate(
    @JsonbProperty("task_runs") long taskRuns,
    @JsonbProperty("estimate_credits") double estimateCredits,
    @JsonbProperty("hold_credits") double holdCredits,
    @JsonbProperty("balance_credits") double balanceCredits,
    @JsonbProperty("fits_balance") boolean fitsBalance,
    @JsonbProperty("workers_online") long workersOnline,
    @JsonbProperty("eta_seconds") long etaSeconds,
    @JsonbProperty("compute_hours") double computeHours) {}
