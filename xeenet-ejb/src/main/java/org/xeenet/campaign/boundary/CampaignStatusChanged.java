package org.xeenet.campaign.boundary;

/**
 * Fired inside the transaction in which a campaign starts running, is paused or resumed (the
 * queue's in-memory ready queue follows it once it commits).
 */
public record CampaignStatusChanged(String campaignId, String status) {}
