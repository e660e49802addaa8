package org.xeenet.assistant.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xeenet.api.AssistantAnswer;
import org.xeenet.report.control.CampaignFacts;
import org.xeenet.report.control.Samples;

class ResearchAssistantTest {
  private final CampaignFacts facts = Samples.facts();

  @Test
  void intentsFromKeywords() {
    assertThat(ResearchAssistant.intent("What is the best config?", true)).isEqualTo("best");
    assertThat(ResearchAssistant.intent("Which config won?", true)).isEqualTo("best");
    assertThat(ResearchAssistant.intent("What matters?", true)).isEqualTo("importance");
    assertThat(ResearchAssistant.intent("depth or width?", true)).isEqualTo("importance");
    assertThat(ResearchAssistant.intent("Why is task 17 so bad?", true)).isEqualTo("task");
    assertThat(ResearchAssistant.intent("What should I try next?", true)).isEqualTo("next");
    assertThat(ResearchAssistant.intent("How far is it?", true)).isEqualTo("progress");
    assertThat(ResearchAssistant.intent("status", true)).isEqualTo("progress");
    assertThat(ResearchAssistant.intent("tell me a joke", true)).isEqualTo("help");
    assertThat(ResearchAssistant.intent("tell me a joke", false)).isEqualTo("help");
    assertThat(
            ResearchAssistant.intent(
                "I want to know whether depth or width matters more on 2-minute budgets", false))
        .isEqualTo("brief");
  }

  @Test
  void bestNamesTaskValueAndSeed() {
    AssistantAnswer a = ResearchAssistant.answer("what is the best config", facts);
    assertThat(a.intent()).isEqualTo("best");
    assertThat(a.answer()).contains("task 7", "1.7900", "seed 1007", "n_layer=4");
    assertThat(a.details()).hasSize(6);
    assertThat(a.details().get(0).data()).containsEntry("n_layer", 4);
  }

  @Test
  void importanceComparesTheParametersAsked() {
    AssistantAnswer a = ResearchAssistant.answer("does depth or width matter more?", facts);
    assertThat(a.intent()).isEqualTo("importance");
    assertThat(a.answer()).startsWith("n_layer matters more than n_embd");
    assertThat(a.details().get(0).title()).isEqualTo("n_layer");
    AssistantAnswer plain = ResearchAssistant.answer("what matters", facts);
    assertThat(plain.answer()).startsWith("n_layer mattered most");
  }

  @Test
  void aBadTaskIsComparedWithTheBest() {
    AssistantAnswer a = ResearchAssistant.answer("Why is task 0 so bad?", facts);
    assertThat(a.intent()).isEqualTo("task");
    assertThat(a.answer())
        .contains(
            "Task 0 reached val_bpb 2.6950", "worse than the best (task 7", "n_layer (1 vs 4");
    assertThat(a.details()).extracting(AssistantAnswer.Detail::title).contains("n_layer", "n_embd");
    assertThat(ResearchAssistant.answer("why is task 11 bad", facts).answer())
        .contains("failed", "out of memory");
    assertThat(ResearchAssistant.answer("why is task 10 bad", facts).answer())
        .contains("simulated");
    assertThat(ResearchAssistant.answer("why is task 99 bad", facts).answer())
        .contains("no task 99");
  }

  @Test
  void nextNarrowsAroundTheBest() {
    AssistantAnswer a = ResearchAssistant.answer("What should I try next?", facts);
    assertThat(a.intent()).isEqualTo("next");
    assertThat(a.answer()).contains("Narrow", "task 7", "n_layer");
    @SuppressWarnings("unchecked")
    Map<String, Object> space = (Map<String, Object>) a.details().get(0).data().get("search_space");
    assertThat(space.get("n_layer")).isEqualTo(java.util.List.of(3, 4, 5));
    assertThat(space).doesNotContainKey("max_steps");
  }

  @Test
  void progressCountsTasks() {
    AssistantAnswer a = ResearchAssistant.answer("how far is it", facts);
    assertThat(a.answer()).contains("running", "12 of 13 tasks finished (11 valid)", "1 queued");
  }

  @Test
  void aBriefForAResearchQuestion() {
    AssistantAnswer a =
        ResearchAssistant.answer(
            "I want to know whether depth or width matters more on 2-minute budgets", null);
    assertThat(a.intent()).isEqualTo("brief");
    assertThat(a.campaignId()).isNull();
    assertThat(a.answer()).contains("n_layer and n_embd", "16 tasks of 120 s");
    Map<String, Object> brief = a.details().get(0).data();
    assertThat(brief).containsEntry("time_budget_per_task", 120).containsEntry("search", "grid");
    @SuppressWarnings("unchecked")
    Map<String, Object> space = (Map<String, Object>) brief.get("search_space");
    assertThat(space).containsEntry("n_head", 2).containsEntry("batch_size", 16);
    assertThat(space.get("n_layer")).isInstanceOf(java.util.List.class);
  }

  @Test
  void unknownQuestionsListWhatItCanAnswer() {
    AssistantAnswer a = ResearchAssistant.answer("tell me a joke", facts);
    assertThat(a.intent()).isEqualTo("help");
    assertThat(a.details()).hasSize(6);
  }
}
