package org.xeenet.task.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Sweeps expired leases every {@code xeenet.lease.reap-interval-seconds} (default 10). */
@Singleton
@Startup
@DependsOn("SchemaInstaller")
public class LeaseReaper {
  private static final Logger LOG = Logger.getLogger(LeaseReaper.class.getName());

  @Resource TimerService timers;

  @EJB TaskQueue queue;

  @Inject
  @ConfigProperty(name = "xeenet.lease.reap-interval-seconds", defaultValue = "10")
  int intervalSeconds;

  @PostConstruct
  void schedule() {
    long millis = Math.max(1, intervalSeconds) * 1000L;
    timers.createIntervalTimer(millis, millis, new TimerConfig("lease-reaper", false));
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void sweep() {
    try {
      queue.reapExpired();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "lease sweep failed; will retry", e);
    }
  }
}
