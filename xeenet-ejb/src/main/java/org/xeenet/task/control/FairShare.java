package org.xeenet.task.control;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The order in which campaigns with queued work are offered to a worker: higher priority first;
 * among equal priorities, the researcher who consumed the least compute recently first (so workers'
 * time is shared between researchers rather than given first come, first served); then the older
 * campaign.
 */
public final class FairShare {
  private FairShare() {}

  /** A campaign that has tasks the asking worker could run. */
  public record CampaignCandidate(
      String campaignId, String ownerId, int priority, Instant createdAt) {}

  /**
   * @param recentUsage compute each researcher consumed in the fair-share window (leased
   *     budget-seconds); researchers absent from it consumed none
   */
  public static List<CampaignCandidate> order(
      List<CampaignCandidate> candidates, Map<String, Double> recentUsage) {
    Comparator<CampaignCandidate> order =
        Comparator.comparingInt(CampaignCandidate::priority)
            .reversed()
            .thenComparingDouble(c -> recentUsage.getOrDefault(c.ownerId(), 0.0))
            .thenComparing(CampaignCandidate::createdAt)
            .thenComparing(CampaignCandidate::campaignId);
    return candidates.stream().sorted(order).toList();
  }
}
