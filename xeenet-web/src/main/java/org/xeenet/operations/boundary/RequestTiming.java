package org.xeenet.operations.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Times every API request from before matching to the response and hands it to {@link
 * RequestMetrics} under its route template (refused and unknown routes included).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public class RequestTiming implements ContainerRequestFilter, ContainerResponseFilter {
  private static final Logger LOG = Logger.getLogger(RequestTiming.class.getName());
  private static final String STARTED = RequestTiming.class.getName() + ".started";
  private static volatile RequestMetrics metrics;

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(STARTED, System.nanoTime());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object started = request.getProperty(STARTED);
    if (!(started instanceof Long from)) {
      return;
    }
    try {
      RequestMetrics current = metrics;
      if (current == null) {
        current = CDI.current().select(RequestMetrics.class).get();
        metrics = current;
      }
      current.answered(
          request.getMethod(), route(), response.getStatus(), System.nanoTime() - from);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "request not timed", e);
    }
  }

  private String route() {
    Class<?> type = resource == null ? null : resource.getResourceClass();
    Method method = resource == null ? null : resource.getResourceMethod();
    if (type == null || method == null) {
      return RouteTemplate.UNMATCHED;
    }
    Path classPath = type.getAnnotation(Path.class);
    Path methodPath = method.getAnnotation(Path.class);
    return RouteTemplate.of(
        classPath == null ? "" : classPath.value(), methodPath == null ? null : methodPath.value());
  }
}
