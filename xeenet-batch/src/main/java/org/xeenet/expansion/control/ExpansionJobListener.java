package org.xeenet.expansion.control;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Logger;
import org.xeenet.campaign.boundary.CampaignOrchestrator;

/** Marks the campaign failed when its expansion job fails, with the job's exit status. */
@Named
@Dependent
public class ExpansionJobListener extends AbstractJobListener {
  private static final Logger LOG = Logger.getLogger(ExpansionJobListener.class.getName());

  @Inject @BatchProperty String campaignId;

  @Inject JobContext job;

  @EJB CampaignOrchestrator orchestrator;

  @Override
  public void afterJob() {
    BatchStatus status = job.getBatchStatus();
    if (status == BatchStatus.FAILED) {
      String exit = job.getExitStatus();
      LOG.warning(() -> "expand-brief execution " + job.getExecutionId() + " failed: " + exit);
      orchestrator.expansionFailed(campaignId, "batch job failed (" + exit + ")");
    }
  }
}
