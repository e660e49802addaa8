package org.xeenet.portal.boundary;

import java.io.Serializable;
import org.xeenet.api.TaskView;
import org.xeenet.portal.control.ConfigSummary;
import org.xeenet.portal.control.Formats;

/** One task as the campaign page's table shows it. */
public class TaskRow implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String taskId;
  private final int index;
  private final String status;
  private final String config;
  private final String configFull;
  private final String valBpb;
  private final String trainLoss;
  private final String steps;
  private final String workerId;
  private final String wallTime;
  private final String device;
  private final boolean simulated;
  private final int attempts;
  private final String failureReasons;

  private final String workerName;

  public TaskRow(TaskView task) {
    this(task, null);
  }

  public TaskRow(TaskView task, String workerName) {
    this.workerName = workerName;
    this.taskId = task.taskId();
    this.index = task.index();
    this.status = task.status();
    this.config = ConfigSummary.compact(task.config());
    this.configFull = ConfigSummary.full(task.config());
    this.valBpb = Formats.bpb(task.valBpb());
    this.trainLoss = Formats.decimals(task.trainLoss(), 4);
    this.steps = Formats.count(task.stepsCompleted());
    this.workerId = task.workerId();
    this.wallTime = Formats.decimals(task.wallTimeSeconds(), 1);
    this.device = task.deviceUsed() == null ? "" : task.deviceUsed();
    this.simulated = task.simulated();
    this.attempts = task.attempts();
    this.failureReasons = task.failureReasons();
  }

  public String getTaskId() {
    return taskId;
  }

  public int getIndex() {
    return index;
  }

  public String getStatus() {
    return status;
  }

  public String getStatusClass() {
    return "status-badge status-" + status.toLowerCase(java.util.Locale.ROOT);
  }

  /** The status's tooltip: which attempt, and why earlier ones failed. */
  public String getStatusTitle() {
    String title = "attempt " + attempts;
    return failureReasons == null || failureReasons.isBlank()
        ? title
        : title + ": " + failureReasons;
  }

  public String getConfig() {
    return config;
  }

  public String getConfigFull() {
    return configFull;
  }

  public String getValBpb() {
    return valBpb;
  }

  public String getTrainLoss() {
    return trainLoss;
  }

  public String getSteps() {
    return steps;
  }

  public String getWorkerId() {
    return workerId == null ? "" : workerId;
  }

  public String getWorkerShort() {
    return workerName == null || workerName.isBlank() ? Formats.shortId(workerId) : workerName;
  }

  public String getWallTime() {
    return wallTime;
  }

  public String getDevice() {
    return device;
  }

  public boolean isSimulated() {
    return simulated;
  }

  public int getAttempts() {
    return attempts;
  }

  public String getFailureReasons() {
    return failureReasons == null ? "" : failureReasons;
  }
}
