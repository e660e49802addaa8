package org.xeenet.account.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsernamesTest {
  @Test
  void namesAreTrimmedAndLowerCased() {
    assertThat(Usernames.normalise("  Alice.B ")).isEqualTo("alice.b");
    assertThat(Usernames.normalise(null)).isNull();
  }

  @Test
  void validNames() {
    assertThat(Usernames.problem("bob")).isEmpty();
    assertThat(Usernames.problem("a.b_c-9")).isEmpty();
    assertThat(Usernames.problem("x".repeat(32))).isEmpty();
  }

  @Test
  void invalidNames() {
    assertThat(Usernames.problem(null)).isPresent();
    assertThat(Usernames.problem("")).isPresent();
    assertThat(Usernames.problem("ab")).isPresent();
    assertThat(Usernames.problem("x".repeat(33))).isPresent();
    assertThat(Usernames.problem("_bob")).isPresent();
    assertThat(Usernames.problem("bob smith")).isPresent();
    assertThat(Usernames.problem("<script>")).isPresent();
    assertThat(Usernames.problem("Bob")).as("not normalised").isPresent();
  }
}
