package org.xeenet.expansion.boundary;

import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.xeenet.campaign.boundary.CampaignOrchestrator;
import org.xeenet.campaign.boundary.CampaignSubmitted;

/** Starts the {@code expand-brief} job for a campaign once its creation has committed. */
@Stateless
public class BriefExpansion {
  private static final Logger LOG = Logger.getLogger(BriefExpansion.class.getName());
  public static final String JOB = "expand-brief";

  @EJB CampaignOrchestrator orchestrator;

  @Resource ManagedExecutorService executor;

  @Resource SessionContext session;

  /**
   * Runs after the campaign's transaction committed. The job is started from another thread: the
   * committing thread cannot open the job repository's connection any more.
   */
  public void onSubmitted(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) CampaignSubmitted submitted) {
    BriefExpansion self = session.getBusinessObject(BriefExpansion.class);
    String campaignId = submitted.campaignId();
    executor.execute(
        () -> {
          try {
            self.start(campaignId);
          } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "campaign " + campaignId + ": cannot start its expansion", e);
          }
        });
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
