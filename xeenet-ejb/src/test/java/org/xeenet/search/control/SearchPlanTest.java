package org.xeenet.search.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xeenet.search.control.SearchPlan.FollowUp;
import org.xeenet.search.control.SearchPlan.TaskState;

class SearchPlanTest {
  private static final CharLMSearchSpace SPACE = SamplersTest.space(null);

  private static List<TaskState> expand(SearchPlan plan) {
    List<TaskState> tasks = new ArrayList<>();
    ConfigSampler sampler = plan.expansionSampler();
    for (int i = 0; i < plan.initialTasks(); i++) {
      tasks.add(new TaskState(i, 0, null, sampler.generate(i).config(), null, true));
    }
    return tasks;
  }

  @Test
  void stepBudgetsGoIntoTheConfigAndTheViewSaysSo() {
    SearchPlan plan = new SearchPlan("sobol", SPACE, 1, 10, 120, 2000L, null, null);
    assertThat(plan.budgetKind()).isEqualTo("steps");
    assertThat(plan.budgetPerTask()).isEqualTo(2000);
    assertThat(plan.initialTasks()).isEqualTo(10);
    assertThat(plan.expansionSampler().generate(3).config()).containsEntry("max_steps", 2000L);
    assertThat(plan.expansionSampler().generate(3).timeBudget()).isNull();
    SearchPlan tokens = new SearchPlan("random", SPACE, 1, 10, 120, null, 500_000L, null);
    assertThat(tokens.expansionSampler().generate(0).config())
        .containsEntry("max_tokens", 500_000L);
    SearchPlan time = new SearchPlan("grid", SPACE, 1, 10, 120, null, null, null);
    assertThat(time.budgetKind()).isEqualTo("time");
    assertThat(time.expansionSampler().generate(0).config())
        .doesNotContainKeys("max_steps", "max_tokens");
  }

  @Test
  void ashaRungsGrowByEta() {
    SearchPlan plan = new SearchPlan("asha", SPACE, 1, 40, 300, 2700L, null, 6);
    assertThat(plan.maxRung()).isEqualTo(3);
    assertThat(
            List.of(plan.rungBudget(0), plan.rungBudget(1), plan.rungBudget(2), plan.rungBudget(3)))
        .containsExactly(100L, 300L, 900L, 2700L);
    // 27 + 9 + 3 + 1 = 40
    assertThat(plan.ashaBaseTasks()).isEqualTo(27);
    assertThat(plan.initialTasks()).isEqualTo(6);
    assertThat(plan.expansionSampler().generate(0).config()).containsEntry("max_steps", 100L);
    SearchPlan time = new SearchPlan("asha", SPACE, 1, 13, 90, null, null, null);
    // 90 s: rungs of 10, 30, 90 s (a 3.3 s rung would be under 5 s)
    assertThat(time.maxRung()).isEqualTo(2);
    assertThat(time.expansionSampler().generate(0).timeBudget()).isEqualTo(10);
  }

  @Test
  void ashaPromotesBeforeAddingNewConfigurations() {
    SearchPlan plan = new SearchPlan("asha", SPACE, 1, 40, 300, 2700L, null, 3);
    List<TaskState> tasks = expand(plan);
    // the three finish: the best is promoted, then one new base trial fills the slots
    tasks.replaceAll(
        t -> new TaskState(t.index(), 0, null, t.config(), 3.0 - t.index() / 10.0, false));
    List<FollowUp> next = plan.followUps(tasks);
    assertThat(next).hasSize(3);
    assertThat(next.get(0).rung()).isEqualTo(1);
    assertThat(next.get(0).parentIndex()).isEqualTo(2);
    assertThat(next.get(0).config().config()).containsEntry("max_steps", 300L);
    assertThat(next.get(0).config().index()).isEqualTo(3);
    assertThat(next.subList(1, 3)).extracting(FollowUp::rung).containsOnly(0);
    assertThat(next).extracting(f -> f.config().index()).containsExactly(3, 4, 5);
  }

  @Test
  void ashaPromotionsOfPromotionsDropTheParentsOwnResumeKeys() {
    SearchPlan plan = new SearchPlan("asha", SPACE, 1, 40, 300, 2700L, null, 1);
    assertThat(plan.resumesPromotions()).isTrue();
    assertThat(new SearchPlan("asha", SPACE, 1, 40, 300, null, null, 1).resumesPromotions())
        .isFalse();
    assertThat(new SearchPlan("tpe", SPACE, 1, 40, 300, 2700L, null, 1).resumesPromotions())
        .isFalse();
    List<TaskState> tasks = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      java.util.Map<String, Object> config =
          new java.util.LinkedHashMap<>(plan.expansionSampler().generate(i).config());
      config.put(SearchPlan.RESUME_FROM_LEASE, "lease-" + i);
      config.put(SearchPlan.RESUME_STEP, 100L);
      tasks.add(new TaskState(i, 1, null, config, 3.0 - i / 10.0, false));
    }
    FollowUp promoted = plan.followUps(tasks).get(0);
    assertThat(promoted.rung()).isEqualTo(2);
    assertThat(promoted.config().config())
        .doesNotContainKeys(SearchPlan.RESUME_FROM_LEASE, SearchPlan.RESUME_STEP);
    assertThat(SearchPlan.NOT_PARAMETERS)
        .contains("max_steps", "max_tokens", "resume_from_lease", "resume_step");
  }

  @Test
  void tpeAddsSuggestionsUpToNumTasks() {
    SearchPlan plan = new SearchPlan("tpe", SPACE, 1, 7, 60, null, null, 4);
    List<TaskState> tasks = expand(plan);
    assertThat(tasks).hasSize(4);
    tasks.set(0, new TaskState(0, 0, null, tasks.get(0).config(), 2.5, false));
    assertThat(plan.followUps(tasks)).extracting(f -> f.config().index()).containsExactly(4);
    for (int i = 4; i < 7; i++) {
      tasks.add(new TaskState(i, 0, null, tasks.get(0).config(), 2.0, false));
    }
    assertThat(plan.followUps(tasks)).isEmpty();
  }

  @Test
  void nonAdaptiveSearchesNeverFollowUp() {
    SearchPlan plan = new SearchPlan("random", SPACE, 1, 3, 60, null, null, 1);
    List<TaskState> tasks = expand(plan);
    tasks.replaceAll(t -> new TaskState(t.index(), 0, null, t.config(), 2.0, false));
    assertThat(plan.followUps(tasks)).isEmpty();
  }
}
