package org.xeenet.task.boundary;

import java.time.Instant;
import org.xeenet.api.TaskResult;

/**
 * Fired inside the transaction that settles a result, so observers (credits, search, trust) act
 * atomically with it: if an observer fails, the submission is rolled back and the worker may retry.
 *
 * @param outcome what the result did: {@code VALID} or {@code INVALID} (the task ended with it),
 *     {@code ATTEMPT_LOST} (a failed or timed-out run; the task was requeued or failed), {@code
 *     IGNORED} (the task had already ended)
 * @param taskStatus the task's status after the result
 */
public record TaskResultSettled(
    String leaseId,
    String taskId,
    String campaignId,
    String workerId,
    String outcome,
    String taskStatus,
    TaskResult result,
    Instant settledAt) {}
