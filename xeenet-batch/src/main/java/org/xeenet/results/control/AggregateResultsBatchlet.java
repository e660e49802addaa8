package org.xeenet.results.control;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.xeenet.results.boundary.CampaignResultsService;

/** Aggregates one campaign's results and stores them, in one transaction. */
@Named
@Dependent
public class AggregateResultsBatchlet extends AbstractBatchlet {
  @Inject @BatchProperty String campaignId;

  @Inject JobContext job;

  @EJB CampaignResultsService results;

  @Override
  public String process() {
    results.aggregate(campaignId, job.getExecutionId());
    return "COMPLETED";
  }
}
