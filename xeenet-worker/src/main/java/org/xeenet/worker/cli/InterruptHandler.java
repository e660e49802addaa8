package org.xeenet.worker.cli;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ctrl-C semantics of {@code run}: the first interrupt finishes the current step, reports a partial
 * result and exits; the second abandons at once (trainer killed, nothing more submitted).
 */
public final class InterruptHandler {
  private final AtomicInteger count = new AtomicInteger();
  private final Runnable graceful;
  private final Runnable abandon;

  public InterruptHandler(Runnable graceful, Runnable abandon) {
    this.graceful = graceful;
    this.abandon = abandon;
  }

  /** Called on each SIGINT; returns how many were seen. */
  public int onInterrupt() {
    int n = count.incrementAndGet();
    if (n == 1) {
      System.err.println(
          "\nCtrl-C: finishing the current step and reporting a partial result"
              + " (Ctrl-C again to abandon)");
      graceful.run();
    } else if (n == 2) {
      System.err.println("\nCtrl-C again: abandoning the task");
      abandon.run();
    }
    return n;
  }

  /** Installs the handler for SIGINT (sun.misc.Signal); false when the JVM does not allow it. */
  public boolean install() {
    try {
      sun.misc.Signal.handle(
          new sun.misc.Signal("INT"),
          sig -> {
            Thread t = new Thread(this::onInterrupt, "ctrl-c");
            t.setDaemon(true);
            t.start();
          });
      return true;
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      return false;
    }
  }
}
