package org.xeenet.campaign.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xeenet.api.BriefSpec;
import org.xeenet.api.Problem.FieldError;
import org.xeenet.api.ResourceProfile;

class BriefValidatorTest {
  private final BriefValidator validator = new BriefValidator(Set.of("tinyshakespeare"));

  private static BriefSpec brief(String title, Integer tasks, Integer budget) {
    return new BriefSpec(
        title, null, tasks, budget, null, null, null, null, null, null, null, null, null);
  }

  private List<String> badFields(BriefSpec brief) {
    return validator.validate(brief).stream().map(FieldError::field).toList();
  }

  @Test
  void aMinimalBriefIsValid() {
    assertThat(validator.validate(brief("small LMs", 40, 120))).isEmpty();
  }

  @Test
  void aFullBriefIsValid() {
    BriefSpec full =
        new BriefSpec(
            "full",
            "all fields",
            10,
            60,
            "char-lm",
            Map.of("n_layer", List.of(1, 2)),
            "tinyshakespeare",
            "random",
            100.0,
            2,
            new ResourceProfile(2, 4.0, null, null, null, null, null),
            9L,
            null);
    assertThat(validator.validate(full)).isEmpty();
  }

  @Test
  void missingRequiredFieldsAreEachNamed() {
    assertThat(badFields(brief(null, null, null)))
        .containsExactly("title", "num_tasks", "time_budget_per_task");
    assertThat(badFields(null)).containsExactly("body");
  }

  @Test
  void boundsAreEnforced() {
    assertThat(badFields(brief(" ", 0, 4)))
        .containsExactly("title", "num_tasks", "time_budget_per_task");
    assertThat(badFields(brief("x".repeat(201), BriefValidator.MAX_TASKS + 1, 86_401)))
        .containsExactly("title", "num_tasks", "time_budget_per_task");
    assertThat(badFields(brief("ok", 1, BriefValidator.MIN_TIME_BUDGET))).isEmpty();
    assertThat(badFields(brief("ok", BriefValidator.MAX_TASKS, BriefValidator.MAX_TIME_BUDGET)))
        .isEmpty();
  }

  @Test
  void unknownTemplateDatasetSearchAndBadNumbersAreNamed() {
    BriefSpec brief =
        new BriefSpec(
            "t",
            null,
            1,
            10,
            "resnet",
            Map.of("warp", 1),
            "imagenet",
            "annealing",
            -1.0,
            9,
            new ResourceProfile(0, -1.0, null, -2.0, null, null, null),
            null,
            null);
    assertThat(badFields(brief))
        .containsExactlyInAnyOrder(
            "template",
            "dataset",
            "search",
            "budget_credits",
            "replication",
            "hardware.cpu_cores",
            "hardware.ram_gb",
            "hardware.gpu_vram_gb",
            "search_space.warp");
  }

  @Test
  void everyKnownSearchIsAvailable() {
    for (String search : List.of("random", "sobol", "grid", "tpe", "asha")) {
      BriefSpec brief =
          new BriefSpec("t", null, 1, 10, null, null, null, search, null, null, null, null, null);
      assertThat(validator.validate(brief)).isEmpty();
    }
    BriefSpec unknown =
        new BriefSpec("t", null, 1, 10, null, null, null, "bohb", null, null, null, null, null);
    assertThat(validator.validate(unknown)).extracting(e -> e.field()).containsExactly("search");
  }
}
