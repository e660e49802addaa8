package org.xeenet.operations.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouteTemplateTest {
  @Test
  void joinsTheClassAndMethodPaths() {
    assertThat(RouteTemplate.of("workers", "{workerId}/lease")).isEqualTo(RouteTemplate.LEASE);
    assertThat(RouteTemplate.of("/workers/", "/{workerId}/lease/")).isEqualTo(RouteTemplate.LEASE);
    assertThat(RouteTemplate.of("briefs", null)).isEqualTo("/briefs");
    assertThat(RouteTemplate.of("", "")).isEqualTo("/");
    assertThat(RouteTemplate.of(null, null)).isEqualTo(RouteTemplate.UNMATCHED);
  }
}
