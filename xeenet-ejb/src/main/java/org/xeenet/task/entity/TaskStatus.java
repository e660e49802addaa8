package org.xeenet.task.entity;

/** A task's life: QUEUED → LEASED → VALID | INVALID, back to QUEUED on a lost attempt. */
public enum TaskStatus {
  QUEUED,
  LEASED,
  SUBMITTED,
  VALID,
  INVALID,
  FAILED,
  CANCELLED;

  public boolean isFinal() {
    return this == VALID || this == INVALID || this == FAILED || this == CANCELLED;
  }
}
