package org.xeenet.portal.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xeenet.api.CampaignView;
import org.xeenet.api.TaskView;
import org.xeenet.report.control.CampaignFacts;

class ResultsChartsTest {
  private static TaskView task(int index, int layers, double lr, double bpb, int minute) {
    return new TaskView(
        "t" + index,
        "c",
        index,
        "VALID",
        Map.of("n_layer", layers, "n_head", 2, "learning_rate", lr, "max_steps", 100),
        7,
        60,
        1,
        "w",
        null,
        bpb,
        2.0,
        100L,
        50.0,
        "cpu",
        1000L,
        false,
        null,
        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * minute));
  }

  private final CampaignFacts facts =
      CampaignFacts.of(
          new CampaignView(
              "c", "t", null, "RUNNING", null, "char-lm", "d", "random", 4, 60, null, null,
              Map.of(), null, 0, 0, null, "time", 60L, null, null, null),
          List.of(
              task(0, 1, 1e-3, 2.9, 3),
              task(1, 2, 1e-2, 2.5, 1),
              task(2, 3, 1e-4, 2.2, 2),
              task(3, 1, 3e-3, 3.0, 4)),
          null);

  private static JsonObject parse(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }

  @Test
  void importanceBarsInImportanceOrder() {
    JsonObject chart = parse(ResultsCharts.importance(facts.results()));
    assertThat(chart.getString("type")).isEqualTo("bar");
    assertThat(chart.getJsonObject("data").getJsonArray("labels").getString(0))
        .isIn("n_layer", "learning_rate");
    assertThat(chart.getJsonObject("options").getString("indexAxis")).isEqualTo("y");
  }

  @Test
  void parametersThatVaryWithoutBudgets() {
    assertThat(ResultsCharts.parameters(facts))
        .containsExactlyInAnyOrder("n_layer", "learning_rate");
    JsonObject scatter = parse(ResultsCharts.scatter(facts, "learning_rate"));
    assertThat(
            scatter
                .getJsonObject("data")
                .getJsonArray("datasets")
                .getJsonObject(0)
                .getJsonArray("data"))
        .hasSize(4);
    assertThat(scatter.toString()).contains("logarithmic");
  }

  @Test
  void bestSoFarInFinishingOrder() {
    assertThat(ResultsCharts.bestSoFar(facts))
        .extracting(p -> p[1])
        .containsExactly(2.5, 2.2, 2.2, 2.2);
    assertThat(parse(ResultsCharts.bestOverTime(facts)).getString("type")).isEqualTo("line");
  }
}
