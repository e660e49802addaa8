/**
 * What operators watch: MicroProfile Health checks (the database answers, the batch runtime is up)
 * and MicroProfile Metrics of the queue (tasks by status, leases and results per outcome, workers
 * online), served by the runtime at {@code /health} and {@code /metrics}.
 */
package org.xeenet.operations;
