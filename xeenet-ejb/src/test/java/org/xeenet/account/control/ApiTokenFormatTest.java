package org.xeenet.account.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiTokenFormatTest {
  @Test
  void generatedTokensHaveThePrefixAnd256RandomBits() {
    String token = ApiTokenFormat.generate();
    assertThat(token).startsWith("xnt_").hasSize(47).matches("xnt_[A-Za-z0-9_-]{43}");
    assertThat(ApiTokenFormat.isApiToken(token)).isTrue();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      assertThat(seen.add(ApiTokenFormat.generate())).isTrue();
    }
  }

  @Test
  void workerAndChosenTokensAreNotApiTokens() {
    assertThat(ApiTokenFormat.isApiToken(BearerToken.generate())).isFalse();
    assertThat(ApiTokenFormat.isApiToken("my-bootstrap-token")).isFalse();
    assertThat(ApiTokenFormat.isApiToken("xnt_short")).isFalse();
    assertThat(ApiTokenFormat.isApiToken("xnt_" + "!".repeat(43))).isFalse();
    assertThat(ApiTokenFormat.isApiToken(null)).isFalse();
  }

  @Test
  void theShownPrefixIsTenCharacters() {
    String token = ApiTokenFormat.generate();
    assertThat(ApiTokenFormat.shownPrefix(token)).hasSize(10).isEqualTo(token.substring(0, 10));
    assertThat(ApiTokenFormat.shownPrefix("short")).isEmpty();
  }

  @Test
  void onlyTheHashIsStoredAndItIsStable() {
    assertThat(BearerToken.sha256("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(BearerToken.fromAuthorizationHeader("Bearer  xnt_abc ")).isEqualTo("xnt_abc");
    assertThat(BearerToken.fromAuthorizationHeader("Basic abc")).isNull();
    assertThat(BearerToken.fromAuthorizationHeader("Bearer ")).isNull();
  }
}
