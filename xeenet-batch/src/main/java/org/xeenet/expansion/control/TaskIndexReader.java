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
 * Reads the task indexes of its partition, {@code first} … {@code end − 1} (without a partition: 0
 * … n − 1, n being num_tasks or the first tasks of an adaptive search); the checkpoint is the next
 * index.
 */
@Named
@Dependent
public class TaskIndexReader extends AbstractItemReader {
  @Inject @BatchProperty String campaignId;

  @Inject
  @BatchProperty(name = "first")
  String first;

  @Inject
  @BatchProperty(name = "end")
  String end;

  @EJB CampaignOrchestrator orchestrator;

  private int next;
  private int total;

  @Override
  public void open(Serializable checkpoint) {
    int from = first == null || first.isBlank() ? 0 : Integer.parseInt(first.trim());
    next = checkpoint == null ? from : (Integer) checkpoint;
    total =
        end == null || end.isBlank()
            ? orchestrator.initialTasks(campaignId)
            : Integer.parseInt(end.trim());
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
