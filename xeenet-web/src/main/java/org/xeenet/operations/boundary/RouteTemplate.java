package org.xeenet.operations.boundary;

/**
 * The route a request matched, as its template ({@code /workers/{workerId}/lease}): the class's and
 * the method's {@code @Path} joined, with one slash between parts and none at the end.
 */
final class RouteTemplate {
  static final String LEASE = "/workers/{workerId}/lease";
  static final String UNMATCHED = "unmatched";

  private RouteTemplate() {}

  static String of(String classPath, String methodPath) {
    if (classPath == null && methodPath == null) {
      return UNMATCHED;
    }
    StringBuilder route = new StringBuilder();
    for (String part : new String[] {classPath, methodPath}) {
      if (part == null) {
        continue;
      }
      for (String segment : part.split("/")) {
        if (!segment.isEmpty()) {
          route.append('/').append(segment);
        }
      }
    }
    return route.length() == 0 ? "/" : route.toString();
  }
}
