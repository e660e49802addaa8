/**
 * The task queue: tasks of a campaign, leases handed to workers with an expiry, heartbeats that
 * keep them, results that finish them, and the reaper that returns expired leases' tasks to the
 * queue until their attempts run out.
 */
package org.xeenet.task;
