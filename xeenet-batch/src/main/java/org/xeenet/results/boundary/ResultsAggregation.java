package org.xeenet.results.boundary;

import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
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
import org.xeenet.campaign.boundary.CampaignEnded;

/**
 * Starts the {@code aggregate-results} job for a campaign once its end (or a researcher's request)
 * has committed, from another thread as the expansion does (the committing thread cannot open the
 * job repository's connection any more).
 */
@Stateless
public class ResultsAggregation {
  private static final Logger LOG = Logger.getLogger(ResultsAggregation.class.getName());
  public static final String JOB = "aggregate-results";

  @Resource ManagedExecutorService executor;

  @Resource SessionContext session;

  public void onEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) CampaignEnded ended) {
    startLater(ended.campaignId());
  }

  public void onRequested(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) AggregationRequested request) {
    startLater(request.campaignId());
  }

  private void startLater(String campaignId) {
    ResultsAggregation self = session.getBusinessObject(ResultsAggregation.class);
    executor.execute(
        () -> {
          try {
            self.start(campaignId);
          } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "campaign " + campaignId + ": cannot start " + JOB, e);
          }
        });
  }

  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public long start(String campaignId) {
    JobOperator operator = BatchRuntime.getJobOperator();
    Properties parameters = new Properties();
    parameters.setProperty("campaignId", campaignId);
    long executionId = operator.start(JOB, parameters);
    LOG.info(() -> "campaign " + campaignId + ": " + JOB + " execution " + executionId);
    return executionId;
  }
}
