package org.xeenet.operations.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Metrics of the API's requests in the application registry: {@code
 * xeenet_request_seconds{method,route,status}} (a timer per route template and status class: rate,
 * count and quantiles of latency) and {@code xeenet_leases_total} (leases granted: its rate is
 * leases per second).
 */
@ApplicationScoped
public class RequestMetrics {
  private static final Metadata REQUEST =
      Metadata.builder()
          .withName("xeenet_request")
          .withDescription("API requests: count, rate and latency by route and status class")
          .withUnit(MetricUnits.NANOSECONDS)
          .build();

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  /** Records one answered request. */
  public void answered(String method, String route, int status, long nanos) {
    registry
        .timer(
            REQUEST,
            new Tag("method", method),
            new Tag("route", route),
            new Tag("status", status / 100 + "xx"))
        .update(Duration.ofNanos(nanos));
    if (status == 200 && "POST".equals(method) && route.equals(RouteTemplate.LEASE)) {
      registry.counter("xeenet_leases_total").inc();
    }
  }
}
