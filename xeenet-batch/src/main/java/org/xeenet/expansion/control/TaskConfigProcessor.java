package org.xeenet.expansion.control;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.xeenet.campaign.boundary.CampaignOrchestrator;
import org.xeenet.search.control.ConfigSampler;

/** Draws the configuration and seed of one task index. */
@Named
@Dependent
public class TaskConfigProcessor implements ItemProcessor {
  @Inject @BatchProperty String campaignId;

  @EJB CampaignOrchestrator orchestrator;

  private ConfigSampler generator;

  @Override
  public Object processItem(Object item) {
    if (generator == null) {
      generator = orchestrator.generatorFor(campaignId);
    }
    return generator.generate((Integer) item);
  }
}
