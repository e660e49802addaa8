package org.xeenet.expansion.control;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.xeenet.search.control.CharLMConfigGenerator.GeneratedConfig;
import org.xeenet.task.boundary.TaskQueue;

/** Queues a chunk of drawn configurations, in the chunk's transaction. */
@Named
@Dependent
public class QueuedTaskWriter extends AbstractItemWriter {
  @Inject @BatchProperty String campaignId;

  @EJB TaskQueue queue;

  @Override
  public void writeItems(List<Object> items) {
    queue.enqueue(campaignId, items.stream().map(GeneratedConfig.class::cast).toList());
  }
}
