package org.xeenet.campaign.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.xeenet.account.boundary.Accounts;
import org.xeenet.account.boundary.Identity;
import org.xeenet.account.entity.Account;
import org.xeenet.account.entity.Researcher;
import org.xeenet.campaign.entity.Campaign;
import org.xeenet.campaign.entity.CampaignShare;
import org.xeenet.problem.ForbiddenException;
import org.xeenet.problem.RejectedInputException;

/**
 * Sharing a campaign with other researchers by their user name: they then see and steer it as its
 * owner does. Only the owner (or an administrator) shares and unshares.
 */
@Stateless
public class CampaignSharing {
  private static final Logger LOG = Logger.getLogger(CampaignSharing.class.getName());

  @PersistenceContext EntityManager em;

  @EJB CampaignOrchestrator orchestrator;

  @EJB Accounts accounts;

  /** A researcher a campaign is shared with. */
  public record Share(
      @JsonbProperty("username") String username,
      @JsonbProperty("name") String name,
      @JsonbProperty("shared_at") Instant sharedAt) {}

  /** Shares the campaign with the researcher of that user name. */
  public List<Share> share(String campaignId, String callerId, String username) {
    Campaign campaign = ownedByCaller(campaignId, callerId);
    Identity with =
        accounts
            .researcherByUsername(username)
            .orElseThrow(
                () -> new RejectedInputException("username", "no researcher has this user name"));
    if (with.id().equals(campaign.ownerId())) {
      throw new RejectedInputException("username", "is the campaign's owner");
    }
    if (em.find(CampaignShare.class, new CampaignShare.Key(campaignId, with.id())) == null) {
      em.persist(new CampaignShare(campaignId, with.id(), Instant.now()));
      LOG.info(() -> "campaign " + campaignId + " shared with researcher " + with.id());
    }
    return shares(campaignId, callerId);
  }

  /** Stops sharing the campaign with that user name. */
  public List<Share> unshare(String campaignId, String callerId, String username) {
    ownedByCaller(campaignId, callerId);
    accounts
        .researcherByUsername(username)
        .map(with -> em.find(CampaignShare.class, new CampaignShare.Key(campaignId, with.id())))
        .ifPresent(em::remove);
    return shares(campaignId, callerId);
  }

  /** Whom the campaign is shared with; anyone who may see the campaign may ask. */
  public List<Share> shares(String campaignId, String callerId) {
    orchestrator.accessible(campaignId, callerId);
    return em
        .createQuery(
            "SELECT s FROM CampaignShare s WHERE s.campaignId = :c ORDER BY s.sharedAt",
            CampaignShare.class)
        .setParameter("c", campaignId)
        .getResultList()
        .stream()
        .map(
            s -> {
              Account account = em.find(Account.class, s.researcherId());
              Researcher researcher = em.find(Researcher.class, s.researcherId());
              return new Share(
                  account == null ? null : account.username(),
                  researcher == null ? null : researcher.name(),
                  s.sharedAt());
            })
        .toList();
  }

  private Campaign ownedByCaller(String campaignId, String callerId) {
    Campaign campaign = orchestrator.accessible(campaignId, callerId);
    boolean admin = accounts.find(callerId).map(Researcher::admin).orElse(false);
    if (!campaign.ownerId().equals(callerId) && !admin) {
      throw new ForbiddenException("only the campaign's owner shares it");
    }
    return campaign;
  }
}
