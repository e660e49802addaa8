package org.xeenet.worker.client;

import jakarta.ws.rs.ProcessingException;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Capped exponential backoff with jitter for calls that may hit network errors or 5xx answers:
 * {@code attempts} tries; before try n+1 it waits a random time in [d/2, d] where d = base ×
 * 2^(n-1) capped at {@code max} ("equal jitter": workers that lost the server together do not come
 * back in lockstep).
 */
public record Backoff(int attempts, long baseMillis, long maxMillis) {
  private static final Logger LOG = LoggerFactory.getLogger(Backoff.class);

  public static final Backoff DEFAULT = new Backoff(6, 1000, 30_000);

  /** The ceiling of the wait after the {@code attempt}-th failed try (1-based), before jitter. */
  public long delayMillis(int attempt) {
    long d = baseMillis << Math.min(20, Math.max(0, attempt - 1));
    return Math.min(maxMillis, d);
  }

  /** The jittered wait: uniform in [ceiling/2, ceiling], {@code u} in [0, 1). */
  public long jitteredDelayMillis(int attempt, double u) {
    long d = delayMillis(attempt);
    return d / 2 + (long) (u * (d - d / 2));
  }

  /** A jittered wait with a random {@code u}. */
  public long jitteredDelayMillis(int attempt) {
    return jitteredDelayMillis(attempt, ThreadLocalRandom.current().nextDouble());
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
          long d = jitteredDelayMillis(attempt);
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
