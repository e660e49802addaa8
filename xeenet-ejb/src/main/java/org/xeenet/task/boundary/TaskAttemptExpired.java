package org.xeenet.task.boundary;

import java.time.Instant;

/**
 * Fired inside the transaction that gives up an attempt whose lease expired (the worker vanished
 * without a result), before the campaign is checked for completion, so an observer can add work
 * atomically with it (an adaptive search refills the slot of a task that failed for good).
 *
 * @param taskStatus the task's status after the expiry: {@code QUEUED} (it will run again) or
 *     {@code FAILED} (its attempts are used up)
 */
public record TaskAttemptExpired(
    String leaseId, String taskId, String campaignId, String taskStatus, Instant expiredAt) {}
