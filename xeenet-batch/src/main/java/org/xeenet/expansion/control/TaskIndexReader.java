package org.xeenet.expansion.control;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.xeenet.campaign.boundary.CampaignOrchestrator;

/**
 * Reads the task indexes 0 … n − 1 of a campaign (n: num_tasks, or the first tasks of an adaptive
 * search); the checkpoint is the next index.
 */
@Named
@Dependent
public class TaskIndexReader extends AbstractItemReader {
  @Inject @BatchProperty String campaignId;

  @EJB CampaignOrchestrator orchestrator;

  private int next;
  private int total;

  @Override
  public void open(Serializable checkpoint) {
    next = checkpoint == null ? 0 : (Integer) checkpoint;
    total = orchestrator.initialTasks(campaignId);
  }

  @Override
  public Object readItem() {
    return next < total ? next++ : null;
  }

  @Override
  public Serializable checkpointInfo() {
    return next;
  }
}
