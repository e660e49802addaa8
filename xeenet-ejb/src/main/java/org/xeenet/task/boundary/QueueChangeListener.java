package org.xeenet.task.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.xeenet.campaign.boundary.CampaignStatusChanged;
import org.xeenet.task.control.QueueChanges;

/**
 * Tells the {@link Dispatcher} that a campaign started, was paused or resumed, once that committed:
 * its next lease reads the running campaigns again.
 */
@ApplicationScoped
public class QueueChangeListener {
  void campaignChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) CampaignStatusChanged changed) {
    QueueChanges.committed();
  }
}
