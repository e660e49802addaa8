package org.xeenet.expansion.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.xeenet.campaign.boundary.CampaignOrchestrator;

/**
 * After a restart, expands again every campaign a crash left in EXPANDING: the job writes only the
 * tasks that are missing, so nothing is lost and nothing is written twice.
 */
@Singleton
@Startup
public class ExpansionRecovery {
  private static final Logger LOG = Logger.getLogger(ExpansionRecovery.class.getName());

  @Resource TimerService timers;

  @EJB CampaignOrchestrator orchestrator;

  @EJB BriefExpansion expansion;

  private Instant startedAt;

  @PostConstruct
  void scheduleAfterStart() {
    startedAt = Instant.now();
    // after deployment, once the schema and the job repository are there
    timers.createSingleActionTimer(3_000, new TimerConfig("expansion-recovery", false));
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void recover() {
    for (String campaignId : orchestrator.expandingSince(startedAt)) {
      try {
        LOG.info(() -> "campaign " + campaignId + " was left expanding: expanding it again");
        expansion.start(campaignId);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "campaign " + campaignId + ": cannot restart its expansion", e);
      }
    }
  }
}
