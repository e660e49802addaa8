package org.xeenet.portal.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BriefFieldsTest {

  @Test
  void fieldsOfTheBriefMapToTheirInputs() {
    assertThat(BriefFields.inputFor("title")).isEqualTo("title");
    assertThat(BriefFields.inputFor("num_tasks")).isEqualTo("numTasks");
    assertThat(BriefFields.inputFor("time_budget_per_task")).isEqualTo("timeBudget");
    assertThat(BriefFields.inputFor("dataset")).isEqualTo("dataset");
    assertThat(BriefFields.inputFor("search")).isEqualTo("search");
    assertThat(BriefFields.inputFor("search_space.n_head")).isEqualTo("searchSpace");
  }

  @Test
  void fieldsWithoutAnInputAreGlobal() {
    assertThat(BriefFields.inputFor("budget_credits")).isNull();
    assertThat(BriefFields.inputFor("hardware.cpu_cores")).isNull();
    assertThat(BriefFields.inputFor(null)).isNull();
  }

  @Test
  void messagesNameWhatTheInputDoesNot() {
    assertThat(BriefFields.message("num_tasks", "must be between 1 and 10000"))
        .isEqualTo("must be between 1 and 10000");
    assertThat(BriefFields.message("search_space.n_head", "no n_head choice divides"))
        .isEqualTo("n_head: no n_head choice divides");
    assertThat(BriefFields.message("budget_credits", "must be a non-negative number"))
        .isEqualTo("budget_credits: must be a non-negative number");
    assertThat(BriefFields.message(null, "a brief is required")).isEqualTo("a brief is required");
  }
}
