package org.xeenet.results.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/** The latest aggregation of a campaign's results, as the JSON the API serves. */
@Entity
@Table(name = "XN_CAMPAIGN_RESULTS")
public class StoredResults {
  @Id
  @Column(name = "CAMPAIGN_ID")
  private String campaignId;

  @Column(name = "RESULT_COUNT")
  private int resultCount;

  @Lob
  @Column(name = "RESULTS_JSON")
  private String resultsJson;

  @Column(name = "JOB_EXECUTION_ID")
  private Long jobExecutionId;

  @Column(name = "COMPUTED_AT")
  private Instant computedAt;

  protected StoredResults() {}

  public StoredResults(String campaignId) {
    this.campaignId = campaignId;
  }

  public void update(int count, String json, Long executionId, Instant now) {
    this.resultCount = count;
    this.resultsJson = json;
    this.jobExecutionId = executionId;
    this.computedAt = now;
  }

  public String campaignId() {
    return campaignId;
  }

  public String resultsJson() {
    return resultsJson;
  }

  public Instant computedAt() {
    return computedAt;
  }
}
