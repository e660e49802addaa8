package org.xeenet.task.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xeenet.task.control.FairShare.CampaignCandidate;

class FairShareTest {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  private static CampaignCandidate campaign(String id, String owner, int priority, int minute) {
    return new CampaignCandidate(id, owner, priority, T0.plusSeconds(60L * minute));
  }

  private static List<String> order(List<CampaignCandidate> candidates, Map<String, Double> usage) {
    return FairShare.order(candidates, usage).stream().map(CampaignCandidate::campaignId).toList();
  }

  @Test
  void higherPriorityComesFirstWhateverTheUsage() {
    assertThat(
            order(
                List.of(campaign("low", "a", 0, 0), campaign("high", "b", 5, 9)), Map.of("b", 1e9)))
        .containsExactly("high", "low");
  }

  @Test
  void amongEqualPrioritiesTheResearcherWhoUsedLeastGoesFirst() {
    List<CampaignCandidate> candidates =
        List.of(
            campaign("a1", "alice", 0, 0),
            campaign("b1", "bob", 0, 5),
            campaign("c1", "carol", 0, 9));
    assertThat(order(candidates, Map.of("alice", 600.0, "bob", 120.0)))
        .containsExactly("c1", "b1", "a1");
  }

  @Test
  void withEqualUsageTheOlderCampaignGoesFirst() {
    List<CampaignCandidate> candidates =
        List.of(campaign("new", "alice", 0, 9), campaign("old", "bob", 0, 1));
    assertThat(order(candidates, Map.of())).containsExactly("old", "new");
  }

  @Test
  void alternatingGrantsShareTheWorkersBetweenTwoResearchers() {
    List<CampaignCandidate> candidates =
        List.of(campaign("a1", "alice", 0, 0), campaign("b1", "bob", 0, 1));
    Map<String, Double> usage = new java.util.HashMap<>();
    StringBuilder given = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      CampaignCandidate next = FairShare.order(candidates, usage).get(0);
      given.append(next.ownerId().charAt(0));
      usage.merge(next.ownerId(), 60.0, Double::sum);
    }
    assertThat(given.toString()).isEqualTo("ababab");
  }
}
