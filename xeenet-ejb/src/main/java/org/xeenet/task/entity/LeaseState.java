package org.xeenet.task.entity;

/** A lease is ACTIVE until its result arrives (FINISHED), it runs out (EXPIRED) or is revoked. */
public enum LeaseState {
  ACTIVE,
  FINISHED,
  EXPIRED,
  REVOKED
}
