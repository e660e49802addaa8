package org.xeenet.search.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A task an ASHA campaign added by promotion: its rung and the task it continues. */
@Entity
@Table(name = "XN_SEARCH_TRIAL")
public class SearchTrial {
  @Id
  @Column(name = "ID")
  private String id;

  @Column(name = "CAMPAIGN_ID")
  private String campaignId;

  @Column(name = "TASK_INDEX")
  private int taskIndex;

  @Column(name = "RUNG")
  private int rung;

  @Column(name = "PARENT_INDEX")
  private Integer parentIndex;

  @Column(name = "BUDGET")
  private long budget;

  @Column(name = "CREATED_AT")
  private Instant createdAt;

  protected SearchTrial() {}

  public SearchTrial(
      String campaignId, int taskIndex, int rung, Integer parentIndex, long budget, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.campaignId = campaignId;
    this.taskIndex = taskIndex;
    this.rung = rung;
    this.parentIndex = parentIndex;
    this.budget = budget;
    this.createdAt = now;
  }

  public String campaignId() {
    return campaignId;
  }

  public int taskIndex() {
    return taskIndex;
  }

  public int rung() {
    return rung;
  }

  public Integer parentIndex() {
    return parentIndex;
  }

  public long budget() {
    return budget;
  }
}
