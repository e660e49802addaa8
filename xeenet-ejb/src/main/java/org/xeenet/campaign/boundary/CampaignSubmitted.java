package org.xeenet.campaign.boundary;

/** Fired when a campaign was created from a brief; its expansion starts once this commits. */
public record CampaignSubmitted(String campaignId) {}
