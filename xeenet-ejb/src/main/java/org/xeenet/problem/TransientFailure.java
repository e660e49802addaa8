package org.xeenet.problem;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Failures that say nothing about the request: the database chose the transaction as a deadlock
 * victim or a lock wait timed out (SQLState class 40). The transaction was rolled back, so the call
 * may simply be made again.
 */
public final class TransientFailure {
  static final int ATTEMPTS = 4;

  private TransientFailure() {}

  public static boolean isTransient(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("40")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** Calls a transactional boundary method, again after a short random pause when transient. */
  public static <T> T retry(Supplier<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (RuntimeException e) {
        if (attempt >= ATTEMPTS || !isTransient(e)) {
          throw e;
        }
        try {
          Thread.sleep(ThreadLocalRandom.current().nextLong(5, 25) * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }
}
