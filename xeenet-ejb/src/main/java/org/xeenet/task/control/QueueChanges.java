package org.xeenet.task.control;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A counter of committed changes that the in-memory ready queue cannot see by itself: a campaign
 * started, paused or resumed, tasks were queued or returned to the queue. A lease that finds the
 * counter moved since the feeder's last round asks for a new round first, so a task that is QUEUED
 * in the database is offered in the same order as the database would (one per application, so
 * static).
 */
public final class QueueChanges {
  private static final AtomicLong VERSION = new AtomicLong();

  private QueueChanges() {}

  /** Called after a change committed. */
  public static void committed() {
    VERSION.incrementAndGet();
  }

  public static long version() {
    return VERSION.get();
  }
}
