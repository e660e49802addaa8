package org.xeenet.campaign.entity;

/** Where a campaign is in its life. Only RUNNING campaigns have their tasks leased. */
public enum CampaignStatus {
  EXPANDING,
  RUNNING,
  PAUSED,
  CANCELLED,
  COMPLETED,
  FAILED;

  public boolean isFinal() {
    return this == CANCELLED || this == COMPLETED || this == FAILED;
  }
}
