/** The lease, train, submit loop: child JVM management, heartbeats, soft and hard deadlines. */
package org.xeenet.worker.lease;
