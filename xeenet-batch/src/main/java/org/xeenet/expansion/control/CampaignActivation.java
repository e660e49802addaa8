package org.xeenet.expansion.control;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.xeenet.campaign.boundary.CampaignOrchestrator;

/** Last step: every task is queued, so the campaign starts running. */
@Named
@Dependent
public class CampaignActivation extends AbstractBatchlet {
  @Inject @BatchProperty String campaignId;

  @EJB CampaignOrchestrator orchestrator;

  @Override
  public String process() {
    orchestrator.expansionFinished(campaignId);
    return "COMPLETED";
  }
}
