package org.xeenet.account.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
  @Test
  void aLongEnoughPassphraseIsAccepted() {
    assertThat(PasswordPolicy.problem("alice", "correct horse battery")).isEmpty();
    assertThat(PasswordPolicy.problem("alice", "x".repeat(9) + "y")).isEmpty();
  }

  @Test
  void blankShortAndOverlongPasswordsAreRefused() {
    assertThat(PasswordPolicy.problem("alice", null)).contains("must not be blank");
    assertThat(PasswordPolicy.problem("alice", "")).contains("must not be blank");
    assertThat(PasswordPolicy.problem("alice", "short1234")).get().asString().contains("10");
    assertThat(PasswordPolicy.problem("alice", "a1".repeat(65))).get().asString().contains("128");
    assertThat(PasswordPolicy.problem("alice", "a1".repeat(64))).isEmpty();
  }

  @Test
  void lengthCountsCharactersNotBytesOrUtf16Units() {
    // nine emoji are 18 UTF-16 units but nine characters: too short
    assertThat(PasswordPolicy.problem("alice", "😀😁😂🤣😃😄😅😆😉")).isPresent();
    assertThat(PasswordPolicy.problem("alice", "😀😁😂🤣😃😄😅😆😉😊")).isEmpty();
  }

  @Test
  void repeatedCharacterUserNameAndWellKnownPasswordsAreRefused() {
    assertThat(PasswordPolicy.problem("alice", "aaaaaaaaaaaa"))
        .get()
        .asString()
        .contains("repeated");
    assertThat(PasswordPolicy.problem("alice", "my-alice-password"))
        .get()
        .asString()
        .contains("user name");
    assertThat(PasswordPolicy.problem("alice", "Password123"))
        .get()
        .asString()
        .contains("well-known");
    assertThat(PasswordPolicy.problem("alice", "qwertyuiop")).isPresent();
  }
}
