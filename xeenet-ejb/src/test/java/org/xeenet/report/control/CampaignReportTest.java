package org.xeenet.report.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CampaignReportTest {
  private final CampaignFacts facts = Samples.facts();

  @Test
  void factsComputeTheAggregationFromTheTasksWhenNoneIsStored() {
    assertThat(facts.stored()).isFalse();
    assertThat(facts.ranked()).hasSize(10);
    assertThat(facts.results().resultsCount()).isEqualTo(10);
    assertThat(facts.results().best().index()).isEqualTo(7);
    assertThat(CampaignReport.importance(facts.results()).get(0).parameter()).isEqualTo("n_layer");
  }

  @Test
  void markdownHasEverySection() {
    String md = CampaignReport.markdown(facts);
    assertThat(md)
        .startsWith("# Campaign report: Depth vs width")
        .contains("## The question", "Does depth or width matter more?")
        .contains("## What was run", "Search method: random", "failed 1", "queued 1", "valid 11")
        .contains("Budget per task: 120 s wall time", "Credit budget: 100 credits")
        .contains("Compute used: 1303.5000 s of wall time, 550000 tokens")
        .contains("## Best configuration", "val_bpb **1.7900** (task 7, seed 1007)")
        .contains("## Top 5", "| 1 | 7 | 1.7900 | 1007 |")
        .contains("## What mattered", "| n_layer |")
        .contains("## Cost", "Cost so far: 12.5000 credits", "Launch estimate: 60 credits")
        .contains("## Caveats", "1 simulated", "1 failed", "spread across seeds is unknown");
    assertThat(md.lines().filter(l -> l.matches("\\| [1-5] \\| .*")).count()).isEqualTo(5);
  }

  @Test
  void csvHasOneRowPerTaskWithConfigColumns() {
    List<String> lines = CampaignReport.csv(facts).lines().toList();
    assertThat(lines).hasSize(14);
    assertThat(lines.get(0))
        .isEqualTo(
            "index,task_id,status,seed,learning_rate,n_embd,n_head,n_layer,val_bpb,train_loss,"
                + "steps_completed,wall_time_seconds,tokens_processed,worker_id,device_used,simulated");
    assertThat(lines.get(1))
        .startsWith("0,t0,VALID,1000,0.001,32,2,1,2.695")
        .contains(",cpu,false");
    assertThat(lines.get(12)).startsWith("11,t11,FAILED,1011,0.001,64,2,2,,,");
  }

  @Test
  void jsonCarriesBestTopCostAndCaveats() {
    Map<String, Object> json = CampaignReport.json(facts);
    assertThat(json).containsKeys("run", "best", "top", "importance", "cost", "caveats");
    assertThat(((Map<?, ?>) json.get("best")).get("seed")).isEqualTo(1007L);
    assertThat((List<?>) json.get("top")).hasSize(5);
    assertThat(((Map<?, ?>) json.get("cost")).get("cost_credits")).isEqualTo(12.5);
    assertThat(json.get("aggregation_stored")).isEqualTo(false);
  }

  @Test
  void repeatedConfigsReportTheirSpread() {
    List<org.xeenet.api.TaskView> tasks =
        List.of(
            Samples.task(0, "VALID", 2, 64, 1e-3, 2.0, false),
            Samples.task(1, "VALID", 2, 64, 1e-3, 2.1, false));
    CampaignFacts twice = CampaignFacts.of(Samples.campaign(Map.of()), tasks, null);
    assertThat(CampaignReport.markdown(twice)).contains("largest val_bpb spread", "0.1000");
  }

  @Test
  void parametersWhoseValuesRanOnceAreACaveat() {
    List<org.xeenet.api.TaskView> tasks = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      org.xeenet.api.TaskView t =
          Samples.task(i, "VALID", 1 + i % 2, 64, 1e-3 * (i + 1), 2.0 + i, false);
      tasks.add(t);
    }
    CampaignFacts f = CampaignFacts.of(Samples.campaign(Map.of()), tasks, null);
    assertThat(CampaignReport.singletons(f.results())).containsExactly("learning_rate");
    assertThat(CampaignReport.markdown(f)).contains("Every value of learning_rate ran once");
  }

  @Test
  void anEmptyCampaignStillReports() {
    CampaignFacts empty =
        CampaignFacts.of(Samples.campaign(Map.of("QUEUED", 12L)), List.of(), null);
    assertThat(CampaignReport.markdown(empty)).contains("No valid result yet", "queued 12");
    assertThat(CampaignReport.csv(empty).lines()).hasSize(1);
  }
}
