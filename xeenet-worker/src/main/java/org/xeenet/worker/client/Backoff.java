package org.xeenet.worker.client;

import jakarta.ws.rs.ProcessingException;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounded exponential backoff for calls that may hit network errors or 5xx answers: {@code
 * attempts} tries, waiting base, 2×base, 4×base … (capped at {@code max}) in between.
 */
public record Backoff(int attempts, long baseMillis, long maxMillis) {
  private static final Logger LOG = LoggerFactory.getLogger(Backoff.class);

  public static final Backoff DEFAULT = new Backoff(6, 1000, 30_000);

  /** The wait after the {@code attempt}-th failed try (1-based). */
  public long delayMillis(int attempt) {
    long d = baseMillis << Math.min(20, Math.max(0, attempt - 1));
    return Math.min(maxMillis, d);
  }

  /** True for failures worth another try: network errors and 5xx/429 answers. */
  public static boolean retryable(RuntimeException e) {
    if (e instanceof ApiException a) {
      return a.retryable();
    }
    return e instanceof ProcessingException;
  }

  public <T> T call(String what, Callable<T> action) throws InterruptedException {
    RuntimeException last = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        return action.call();
      } catch (RuntimeException e) {
        if (!retryable(e)) {
          throw e;
        }
        last = e;
        if (attempt < attempts) {
          long d = delayMillis(attempt);
          LOG.warn("{} failed (try {}/{}): {}; retrying in {} ms", what, attempt, attempts, e, d);
          Thread.sleep(d);
        }
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    throw last;
  }
}
