package org.xeenet.results.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.xeenet.api.BriefSpec;
import org.xeenet.api.CampaignResults;
import org.xeenet.api.CampaignResults.EffectBin;
import org.xeenet.api.CampaignResults.ParameterEffect;
import org.xeenet.api.CampaignResults.ParameterImportance;
import org.xeenet.results.control.ResultsAggregator.Aggregate;
import org.xeenet.results.control.ResultsAggregator.Row;

class ResultsAggregatorTest {
  /** val_bpb driven by the learning rate (strongly) and layers (weakly); dropout is noise-free. */
  static List<Row> rows(int n) {
    SplittableRandom random = new SplittableRandom(1);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int layers = 1 + random.nextInt(4);
      double lr = Math.exp(Math.log(1e-4) + random.nextDouble() * Math.log(30));
      double dropout = random.nextDouble() * 0.2;
      double y = 2.0 + Math.pow(Math.log10(lr) + 3, 2) + 0.05 * layers + random.nextDouble() * 0.01;
      rows.add(
          new Row(
              i,
              "t" + i,
              1000 + i,
              Map.of("n_layer", layers, "learning_rate", lr, "dropout", dropout, "max_steps", 500L),
              y,
              0,
              500L,
              null,
              60.0));
    }
    return rows;
  }

  @Test
  void ranksEffectsAndImportance() {
    Aggregate a = ResultsAggregator.aggregate(rows(500), 10);
    assertThat(a.top()).hasSize(10);
    assertThat(a.top()).extracting(r -> r.rank()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    assertThat(a.top()).isSortedAccordingTo((x, y) -> Double.compare(x.valBpb(), y.valBpb()));
    assertThat(a.effects())
        .extracting(ParameterEffect::parameter)
        .containsExactlyInAnyOrder("n_layer", "learning_rate", "dropout");
    ParameterEffect layers = effect(a, "n_layer");
    assertThat(layers.kind()).isEqualTo("values");
    assertThat(layers.bins()).extracting(EffectBin::label).containsExactly("1", "2", "3", "4");
    ParameterEffect lr = effect(a, "learning_rate");
    assertThat(lr.kind()).isEqualTo("bins");
    assertThat(lr.bins()).hasSize(ResultsAggregator.BINS);
    assertThat(lr.bins().stream().mapToLong(EffectBin::count).sum()).isEqualTo(500);
    assertThat(a.importance())
        .extracting(ParameterImportance::parameter)
        .containsExactly("learning_rate", "n_layer", "dropout");
    assertThat(a.importance().get(0).importance()).isGreaterThan(0.5);
    assertThat(a.importance().stream().mapToDouble(ParameterImportance::share).sum())
        .isCloseTo(1.0, within(1e-9));
  }

  @Test
  void ashaEffectsUseTheFirstRungOnly() {
    List<Row> rows = new ArrayList<>(rows(30));
    Row best = rows.get(0);
    rows.add(new Row(30, "t30", 5, best.config(), 0.5, 2, 4500L, null, 60.0));
    Aggregate a = ResultsAggregator.aggregate(rows, 3);
    assertThat(a.top().get(0).rung()).isEqualTo(2);
    assertThat(effect(a, "n_layer").bins().stream().mapToLong(EffectBin::count).sum())
        .isEqualTo(30);
  }

  @Test
  void noResultsGiveAnEmptyAggregate() {
    Aggregate a = ResultsAggregator.aggregate(List.of(), 10);
    assertThat(a.top()).isEmpty();
    assertThat(a.effects()).isEmpty();
  }

  @Test
  void theWireRecordsRoundTripThroughJsonB() throws Exception {
    try (Jsonb jsonb = JsonbBuilder.create()) {
      Aggregate a = ResultsAggregator.aggregate(rows(40), 3);
      CampaignResults results =
          new CampaignResults(
              "c",
              "COMPLETED",
              "tpe",
              "steps",
              500L,
              java.time.Instant.parse("2026-11-25T10:00:00Z"),
              40,
              a.top().get(0),
              a.top(),
              a.effects(),
              ResultsAggregator.METHOD,
              a.importance(),
              List.of());
      String json = jsonb.toJson(results);
      assertThat(json)
          .contains(
              "\"top_k\"",
              "\"parameter_effects\"",
              "\"mean_val_bpb\"",
              "\"budget_kind\":\"steps\"");
      CampaignResults back = jsonb.fromJson(json, CampaignResults.class);
      assertThat(back.topK()).hasSize(3);
      assertThat(back.best().seed()).isEqualTo(results.best().seed());
      assertThat(back.importance()).hasSameSizeAs(results.importance());

      BriefSpec brief =
          jsonb.fromJson(
              "{\"title\":\"t\",\"num_tasks\":3,\"time_budget_per_task\":30,\"search\":\"asha\","
                  + "\"budget_steps\":900,\"parallel_tasks\":2}",
              BriefSpec.class);
      assertThat(brief.budgetSteps()).isEqualTo(900L);
      assertThat(brief.parallelTasks()).isEqualTo(2);
      assertThat(brief.budgetTokens()).isNull();
      BriefSpec old = jsonb.fromJson("{\"title\":\"t\",\"num_tasks\":3}", BriefSpec.class);
      assertThat(old.budgetSteps()).isNull();
      assertThat(jsonb.toJson(brief)).contains("\"budget_steps\":900");
    }
  }

  @Test
  void configJsonReadsTheTemplatesTypes() {
    assertThat(
            org.xeenet.search.control.ConfigJson.parse(
                "{\"n_layer\":2,\"learning_rate\":0.001,\"dropout\":0,\"max_steps\":300}"))
        .containsExactly(
            Map.entry("n_layer", 2),
            Map.entry("learning_rate", 0.001),
            Map.entry("dropout", 0.0),
            Map.entry("max_steps", 300L));
  }

  private static ParameterEffect effect(Aggregate a, String name) {
    return a.effects().stream().filter(e -> e.parameter().equals(name)).findFirst().orElseThrow();
  }
}
