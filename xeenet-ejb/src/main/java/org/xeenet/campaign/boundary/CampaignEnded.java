package org.xeenet.campaign.boundary;

/**
 * Fired inside the transaction in which a campaign ends ({@code COMPLETED}, {@code CANCELLED} or
 * {@code FAILED}): refunds, aggregation and reports start from it.
 */
public record CampaignEnded(String campaignId, String status) {}
