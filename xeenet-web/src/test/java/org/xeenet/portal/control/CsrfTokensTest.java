package org.xeenet.portal.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsrfTokensTest {
  @Test
  void tokensAreRandomAndWellFormed() {
    String a = CsrfTokens.generate();
    assertThat(CsrfTokens.wellFormed(a)).isTrue();
    assertThat(CsrfTokens.generate()).isNotEqualTo(a);
    assertThat(CsrfTokens.wellFormed("short")).isFalse();
    assertThat(CsrfTokens.wellFormed(null)).isFalse();
    assertThat(CsrfTokens.wellFormed("<script>" + "a".repeat(35))).isFalse();
  }

  @Test
  void theFormTokenMustEqualTheCookie() {
    String token = CsrfTokens.generate();
    assertThat(CsrfTokens.matches(token, token)).isTrue();
    assertThat(CsrfTokens.matches(token, CsrfTokens.generate())).isFalse();
    assertThat(CsrfTokens.matches(token, null)).isFalse();
    assertThat(CsrfTokens.matches(null, token)).as("no cookie").isFalse();
    assertThat(CsrfTokens.matches("", "")).isFalse();
  }

  @Test
  void onlyTheSameOriginOrNoOriginPasses() {
    assertThat(CsrfTokens.sameOrigin("http://127.0.0.1:8080", "127.0.0.1:8080")).isTrue();
    assertThat(CsrfTokens.sameOrigin("https://xeenet.example", "xeenet.example")).isTrue();
    assertThat(CsrfTokens.sameOrigin("https://XeeNet.example:443", "xeenet.example")).isTrue();
    assertThat(CsrfTokens.sameOrigin(null, "127.0.0.1:8080")).isTrue();
    assertThat(CsrfTokens.sameOrigin("http://evil.example", "127.0.0.1:8080")).isFalse();
    assertThat(CsrfTokens.sameOrigin("http://127.0.0.1:9999", "127.0.0.1:8080")).isFalse();
    assertThat(CsrfTokens.sameOrigin("null", "127.0.0.1:8080")).isFalse();
    assertThat(CsrfTokens.sameOrigin("http://127.0.0.1:8080", null)).isFalse();
  }
}
