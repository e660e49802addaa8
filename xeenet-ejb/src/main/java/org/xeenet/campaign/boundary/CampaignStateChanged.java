package org.xeenet.campaign.boundary;

/**
 * Fired inside the transaction in which a campaign is paused, resumed or cancelled; after it
 * commits, {@code org.xeenet.cluster} tells every instance of the cluster.
 */
public record CampaignStateChanged(String campaignId, String status) {}
