package org.xeenet.operations.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.xeenet.api.Problem;
import org.xeenet.cluster.boundary.DataGrid;

/**
 * Limits worker registrations ({@code POST /workers}) per client address: {@code
 * xeenet.registration.per-minute} (default 600; 0 turns the limit off) with a burst of as many.
 * Beyond it: 429 problem document with {@code Retry-After}. The address is the TCP peer's, so
 * behind a reverse proxy every client shares the proxy's allowance. With Payara's data grid the
 * allowance is the cluster's, not each instance's.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class RegistrationRateLimit implements ContainerRequestFilter {
  private static final Logger LOG = Logger.getLogger(RegistrationRateLimit.class.getName());
  private static final String SHARED_MAP = "xeenet-registration-buckets";
  private static volatile RateLimiter limiter;

  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!"POST".equals(request.getMethod()) || !isRegistration(request.getUriInfo().getPath())) {
      return;
    }
    RateLimiter current = limiter();
    if (current.perMinute() <= 0) {
      return;
    }
    String client = servletRequest == null ? "unknown" : servletRequest.getRemoteAddr();
    long waitSeconds =
        clustered(current, client).orElseGet(() -> current.acquire(client, System.nanoTime()));
    if (waitSeconds > 0) {
      LOG.fine(() -> "registration refused for " + client + ", retry in " + waitSeconds + " s");
      request.abortWith(
          Response.status(429)
              .header("Retry-After", Long.toString(waitSeconds))
              .type(Problem.MEDIA_TYPE)
              .entity(
                  new Problem(
                      "about:blank",
                      "Too Many Requests",
                      429,
                      "too many worker registrations from this address; at most "
                          + current.perMinute()
                          + " a minute",
                      null))
              .build());
    }
  }

  /**
   * Clustered: one bucket per address for the whole cluster, in a shared map of the data grid
   * (compare-and-set, retried on contention). Empty without the grid, or when it fails (then this
   * instance's bucket counts).
   */
  private static Optional<Long> clustered(RateLimiter current, String client) {
    DataGrid grid;
    try {
      grid = CDI.current().select(DataGrid.class).get();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    if (!grid.clustered()) {
      return Optional.empty();
    }
    try {
      for (int attempt = 0; attempt < 50; attempt++) {
        long[] state = grid.get(SHARED_MAP, client);
        long[] next =
            RateLimiter.take(state, System.currentTimeMillis(), current.perMinute(), 60_000);
        if (grid.compareAndSet(SHARED_MAP, client, state, new long[] {next[0], next[1]}, 120)) {
          return Optional.of(next[2]);
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "the shared registration limit failed; counting here only", e);
    }
    return Optional.empty();
  }

  static boolean isRegistration(String path) {
    if (path == null) {
      return false;
    }
    String p = path;
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p.equals("workers");
  }

  private static RateLimiter limiter() {
    RateLimiter current = limiter;
    if (current == null) {
      synchronized (RegistrationRateLimit.class) {
        if (limiter == null) {
          int perMinute =
              ConfigProvider.getConfig()
                  .getOptionalValue("xeenet.registration.per-minute", Integer.class)
                  .orElse(600);
          limiter = new RateLimiter(perMinute, 10_000);
        }
        current = limiter;
      }
    }
    return current;
  }
}
