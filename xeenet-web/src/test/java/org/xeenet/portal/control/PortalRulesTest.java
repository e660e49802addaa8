package org.xeenet.portal.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xeenet.api.CurvePoint;

/** The portal's page rules: chart data, ETA, the task table's SQL, the list order, outcomes. */
class PortalRulesTest {
  private static final Instant T0 = Instant.parse("2026-11-25T06:00:00Z");

  private static ChartData.Point point(int index, double bpb, int layers, double lr, int second) {
    return new ChartData.Point(
        index,
        bpb,
        Map.of("n_layer", layers, "learning_rate", lr, "n_head", 2, "max_steps", 100),
        T0.plusSeconds(second));
  }

  @Test
  void chartDataHasOneRowPerResultAndAxesOnlyForVaryingParameters() {
    List<ChartData.Point> points =
        List.of(point(0, 2.4, 1, 1e-3, 3), point(1, 2.1, 2, 3e-4, 1), point(2, 2.2, 3, 2e-3, 2));
    JsonObject doc =
        Json.createReader(
                new StringReader(
                    ChartData.json(
                        points,
                        List.of(
                            new ChartData.Curve(
                                1,
                                2.1,
                                List.of(
                                    new CurvePoint(1L, 0.1, 4.0, 5.0),
                                    new CurvePoint(50L, 5.0, 2.0, null),
                                    new CurvePoint(100L, 9.0, 1.5, 2.1)))),
                        List.of(new ChartData.Share("learning_rate", 0.7)),
                        true)))
            .readObject();
    assertThat(doc.getInt("count")).isEqualTo(3);
    assertThat(doc.getBoolean("live")).isTrue();
    // n_head is constant and max_steps is a budget: neither is an axis
    assertThat(doc.getJsonArray("parameters").stream().map(v -> v.asJsonObject().getString("name")))
        .containsExactlyInAnyOrder("n_layer", "learning_rate");
    JsonObject lr =
        doc.getJsonArray("parameters").stream()
            .map(v -> v.asJsonObject())
            .filter(o -> o.getString("name").equals("learning_rate"))
            .findFirst()
            .orElseThrow();
    assertThat(lr.getBoolean("log")).isTrue();
    assertThat(lr.getJsonNumber("min").doubleValue()).isEqualTo(3e-4);
    assertThat(doc.getJsonArray("rows")).hasSize(3);
    assertThat(doc.getJsonObject("bpb").getJsonNumber("min").doubleValue()).isEqualTo(2.1);
    // only the evaluated points of the curve
    assertThat(doc.getJsonArray("curves").getJsonObject(0).getJsonArray("points")).hasSize(2);
    assertThat(doc.getJsonArray("importance")).hasSize(1);
  }

  @Test
  void bestSoFarKeepsOnlyImprovementsAndTheLastResult() {
    List<ChartData.Point> points =
        List.of(point(0, 2.4, 1, 1e-3, 1), point(1, 2.5, 2, 1e-3, 2), point(2, 2.2, 3, 1e-3, 3));
    List<double[]> steps = ChartData.improvements(points);
    assertThat(steps).hasSize(2);
    assertThat(steps.get(0)).containsExactly(1, 2.4);
    assertThat(steps.get(1)).containsExactly(3, 2.2);
    List<ChartData.Point> many = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      many.add(point(i, 3 - i * 1e-5, 1 + i % 3, 1e-3, i));
    }
    many.add(point(10_000, 5.0, 1, 1e-3, 20_000));
    assertThat(ChartData.improvements(many)).hasSize(10_001);
    assertThat(ChartData.json(List.of(), List.of(), List.of(), false)).contains("\"count\":0");
  }

  @Test
  void etaRunsInWavesOfTheWorkersOnline() {
    assertThat(Eta.seconds(0, 120, 5)).isZero();
    assertThat(Eta.seconds(10, 120, 0)).isEqualTo(1200);
    assertThat(Eta.seconds(10, 120, 4)).isEqualTo(360);
    assertThat(Eta.seconds(10, 120, 100)).isEqualTo(120);
    assertThat(Eta.words(45)).isEqualTo("45 s");
    assertThat(Eta.words(61)).isEqualTo("2 min");
    assertThat(Eta.words(3600 * 3 + 20 * 60)).isEqualTo("3 h 20 min");
    assertThat(Eta.words(86_400 * 2 + 3600 * 4)).isEqualTo("2 d 4 h");
  }

  @Test
  void theTaskTableSortsOnlyByKnownColumnsAndBindsItsFilters() {
    var r = new TaskTableQuery.Request("valid", "Night%", "valBpb", true, 50, 25);
    assertThat(TaskTableQuery.where(r))
        .isEqualTo(
            " WHERE t.CAMPAIGN_ID = ?1 AND t.STATUS = ?2 AND (LOWER(w.NAME) LIKE ?3 OR"
                + " LOWER(t.WORKER_ID) LIKE ?4)");
    assertThat(TaskTableQuery.parameters(r)).containsExactly("VALID", "%night%", "%night%");
    assertThat(TaskTableQuery.orderBy(r))
        .isEqualTo(" ORDER BY t.VAL_BPB DESC NULLS LAST, t.TASK_INDEX");
    assertThat(TaskTableQuery.page(r)).isEqualTo(" OFFSET 50 ROWS FETCH NEXT 25 ROWS ONLY");
    var evil = new TaskTableQuery.Request("DROP", null, "1; DROP TABLE XN_TASK", false, -5, 99_999);
    assertThat(TaskTableQuery.where(evil)).isEqualTo(" WHERE t.CAMPAIGN_ID = ?1");
    assertThat(TaskTableQuery.orderBy(evil)).isEqualTo(" ORDER BY t.TASK_INDEX");
    assertThat(TaskTableQuery.page(evil)).isEqualTo(" OFFSET 0 ROWS FETCH NEXT 500 ROWS ONLY");
  }

  record Row(String title, String status, Instant created, Double best, int percent, double cost) {}

  @Test
  void theCampaignListFiltersAndSorts() {
    CampaignOrder.Keys<Row> keys =
        new CampaignOrder.Keys<>(
            Row::title, Row::status, Row::created, Row::best, Row::percent, Row::cost);
    Row a = new Row("Depth vs width", "RUNNING", T0, 2.1, 40, 10);
    Row b = new Row("Learning rate sweep", "COMPLETED", T0.plusSeconds(10), null, 100, 30);
    Row c = new Row("Width only", "RUNNING", T0.plusSeconds(20), 1.9, 10, 5);
    List<Row> rows = List.of(a, b, c);
    assertThat(CampaignOrder.apply(rows, "", "", "newest", keys)).containsExactly(c, b, a);
    assertThat(CampaignOrder.apply(rows, "", "", "oldest", keys)).containsExactly(a, b, c);
    assertThat(CampaignOrder.apply(rows, "", "", "best", keys)).containsExactly(c, a, b);
    assertThat(CampaignOrder.apply(rows, "", "", "progress", keys)).containsExactly(b, a, c);
    assertThat(CampaignOrder.apply(rows, "", "", "cost", keys)).containsExactly(b, a, c);
    assertThat(CampaignOrder.apply(rows, "WIDTH", "", "title", keys)).containsExactly(a, c);
    assertThat(CampaignOrder.apply(rows, "", "running", "newest", keys)).containsExactly(c, a);
  }

  @Test
  void aTasksOutcomeInOneSentence() {
    assertThat(Validation.outcome("VALID", false, List.of("VALID"), null)).startsWith("Valid:");
    assertThat(Validation.outcome("VALID", true, List.of(), null)).contains("simulated");
    assertThat(Validation.outcome("VALID", false, List.of("IMPLAUSIBLE"), null))
        .contains("implausible");
    assertThat(Validation.outcome("VALID", false, List.of("VALID", "CLAWBACK"), null))
        .contains("clawed back");
    assertThat(Validation.outcome("FAILED", false, List.of(), "attempt 1: lease expired"))
        .contains("Reasons: attempt 1: lease expired");
    assertThat(Validation.outcome("QUEUED", false, List.of(), null))
        .isEqualTo("Waiting for a worker.");
  }

  @Test
  void wizardErrorsGoToTheStepOfTheirField() {
    assertThat(WizardSteps.stepOf("title")).isEqualTo(WizardSteps.WHAT);
    assertThat(WizardSteps.stepOf("search_space.n_head")).isEqualTo(WizardSteps.SEARCH);
    assertThat(WizardSteps.stepOf("budget_tokens")).isEqualTo(WizardSteps.BUDGETS);
    assertThat(WizardSteps.stepOf("body")).isEqualTo(WizardSteps.REVIEW);
    assertThat(WizardSteps.before(WizardSteps.WHAT, WizardSteps.SEARCH)).isTrue();
    assertThat(WizardSteps.before(WizardSteps.REVIEW, WizardSteps.BUDGETS)).isFalse();
  }

  @Test
  void searchSpaceRowsBecomeOverridesAndBack() {
    List<SearchSpaceRows.Row> rows =
        SearchSpaceRows.of(org.xeenet.search.control.CharLMSearchSpace.defaults());
    assertThat(rows).extracting(SearchSpaceRows.Row::getName).contains("n_layer", "learning_rate");
    assertThat(SearchSpaceRows.overrides(rows)).isNull();
    rows.get(0).setOverride("[2, 3]");
    rows.get(1).setOverride("[2, 4");
    Map<String, Object> overrides = SearchSpaceRows.overrides(rows);
    assertThat(overrides).containsOnlyKeys("n_layer");
    assertThat(rows.get(1).getError()).contains("list");
    List<String> unknown =
        SearchSpaceRows.fill(rows, Map.of("n_embd", List.of(64, 128), "depth", 3));
    assertThat(unknown).containsExactly("depth");
    assertThat(rows.get(0).getOverride()).isEmpty();
    assertThat(
            rows.stream()
                .filter(r -> r.getName().equals("n_embd"))
                .findFirst()
                .orElseThrow()
                .getOverride())
        .isEqualTo("[64,128]");
  }

  @Test
  void workerStatusAndDevice() {
    Instant now = T0;
    assertThat(WorkerStatus.of(now.minusSeconds(30), 1, now)).isEqualTo("busy");
    assertThat(WorkerStatus.of(now.minusSeconds(60), 0, now)).isEqualTo("online");
    assertThat(WorkerStatus.of(now.minusSeconds(600), 0, now)).isEqualTo("offline");
    assertThat(WorkerStatus.of(null, 0, now)).isEqualTo("offline");
    assertThat(WorkerStatus.device(12, 32.0, "RTX 3060", 12.0, "Linux", "amd64"))
        .isEqualTo("12 cores, 32 GB, RTX 3060 (12 GB), Linux/amd64");
    assertThat(WorkerStatus.device(null, null, null, null, null, null)).isEqualTo("unknown");
  }
}
