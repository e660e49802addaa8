package org.xeenet.cluster.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.xeenet.campaign.boundary.CampaignStateChanged;
import org.xeenet.cluster.control.StateMessage;

/**
 * Tells every instance at once that a campaign was paused, resumed or cancelled: after the change
 * commits, a message on the grid topic {@code xeenet-campaign-state}; each instance (this one
 * included) turns it into a local {@link CampaignStateHeard} event. Without the grid the event is
 * fired here only.
 */
@ApplicationScoped
public class CampaignBroadcast {
  private static final Logger LOG = Logger.getLogger(CampaignBroadcast.class.getName());
  static final String TOPIC = "xeenet-campaign-state";

  @Inject DataGrid grid;
  @Inject Event<CampaignStateHeard> heard;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (grid.clustered()) {
      grid.subscribe(TOPIC, this::receive);
      LOG.info(
          () -> "listening to campaign state changes on the data grid as " + grid.memberName());
    }
  }

  void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) CampaignStateChanged changed) {
    StateMessage message =
        new StateMessage(changed.campaignId(), changed.status(), grid.memberName());
    if (grid.clustered()) {
      try {
        grid.publish(TOPIC, message.text());
        return;
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "cannot broadcast " + message.text() + "; telling this instance", e);
      }
    }
    receive(message.text());
  }

  void receive(String text) {
    StateMessage.parse(text)
        .ifPresentOrElse(
            m -> {
              LOG.info(
                  () ->
                      "campaign "
                          + m.campaignId()
                          + " is now "
                          + m.status()
                          + " (heard from "
                          + m.origin()
                          + ")");
              heard.fire(new CampaignStateHeard(m.campaignId(), m.status(), m.origin()));
            },
            () -> LOG.warning(() -> "ignored a campaign state message: " + text));
  }
}
