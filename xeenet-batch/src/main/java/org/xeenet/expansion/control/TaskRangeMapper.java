package org.xeenet.expansion.control;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Properties;
import org.xeenet.campaign.boundary.CampaignOrchestrator;

/**
 * Splits a campaign's task indexes into contiguous ranges queued in parallel, one thread each:
 * drawing, serialising and inserting a task are independent of every other task, so the expansion
 * uses every core. Small briefs get one partition.
 */
@Named
@Dependent
public class TaskRangeMapper implements PartitionMapper {
  @Inject @BatchProperty String campaignId;

  @Inject
  @BatchProperty(name = "threads")
  String threads;

  @EJB CampaignOrchestrator orchestrator;

  @Override
  public PartitionPlan mapPartitions() {
    int total = orchestrator.initialTasks(campaignId);
    int[][] ranges = TaskRanges.split(total, threadCount(), TaskRanges.MIN_PER_PARTITION);
    PartitionPlanImpl plan = new PartitionPlanImpl();
    plan.setPartitions(ranges.length);
    plan.setThreads(ranges.length);
    Properties[] properties = new Properties[ranges.length];
    for (int i = 0; i < ranges.length; i++) {
      properties[i] = new Properties();
      properties[i].setProperty("first", Integer.toString(ranges[i][0]));
      properties[i].setProperty("end", Integer.toString(ranges[i][1]));
    }
    plan.setPartitionProperties(properties);
    return plan;
  }

  private int threadCount() {
    if (threads != null && !threads.isBlank()) {
      return Math.max(1, Integer.parseInt(threads.trim()));
    }
    return Math.max(1, Runtime.getRuntime().availableProcessors());
  }
}
