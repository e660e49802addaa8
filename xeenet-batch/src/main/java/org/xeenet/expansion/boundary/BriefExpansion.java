package org.xeenet.expansion.boundary;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Properties;
import java.util.logging.Logger;
import org.xeenet.campaign.boundary.CampaignOrchestrator;
import org.xeenet.campaign.boundary.CampaignSubmitted;

/** Starts the {@code expand-brief} job for a campaign once its creation has committed. */
@Stateless
public class BriefExpansion {
  private static final Logger LOG = Logger.getLogger(BriefExpansion.class.getName());
  public static final String JOB = "expand-brief";

  @EJB CampaignOrchestrator orchestrator;

  public void onSubmitted(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) CampaignSubmitted submitted) {
    start(submitted.campaignId());
  }

  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public long start(String campaignId) {
    JobOperator operator = BatchRuntime.getJobOperator();
    Properties parameters = new Properties();
    parameters.setProperty("campaignId", campaignId);
    long executionId = operator.start(JOB, parameters);
    orchestrator.expansionStarted(campaignId, executionId);
    LOG.info(() -> "campaign " + campaignId + ": " + JOB + " execution " + executionId);
    return executionId;
  }
}
