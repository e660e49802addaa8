package org.xeenet.campaign.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A campaign its owner shared with another researcher, who then sees and steers it too. */
@Entity
@Table(name = "XN_CAMPAIGN_SHARE")
@IdClass(CampaignShare.Key.class)
public class CampaignShare {
  @Id
  @Column(name = "CAMPAIGN_ID")
  private String campaignId;

  @Id
  @Column(name = "RESEARCHER_ID")
  private String researcherId;

  @Column(name = "SHARED_AT")
  private Instant sharedAt;

  protected CampaignShare() {}

  public CampaignShare(String campaignId, String researcherId, Instant now) {
    this.campaignId = campaignId;
    this.researcherId = researcherId;
    this.sharedAt = now;
  }

  public String campaignId() {
    return campaignId;
  }

  public String researcherId() {
    return researcherId;
  }

  public Instant sharedAt() {
    return sharedAt;
  }

  /** The composite key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String campaignId;
    private String researcherId;

    public Key() {}

    public Key(String campaignId, String researcherId) {
      this.campaignId = campaignId;
      this.researcherId = researcherId;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key k
          && java.util.Objects.equals(campaignId, k.campaignId)
          && java.util.Objects.equals(researcherId, k.researcherId);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(campaignId, researcherId);
    }
  }
}
