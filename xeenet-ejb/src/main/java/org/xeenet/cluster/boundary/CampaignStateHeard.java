package org.xeenet.cluster.boundary;

/**
 * Fired on every instance (the one where it happened included) when a campaign was paused, resumed
 * or cancelled anywhere in the cluster; {@code origin} names the instance it came from.
 */
public record CampaignStateHeard(String campaignId, String status, String origin) {}
