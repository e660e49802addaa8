package org.xeenet.portal.boundary;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.xeenet.api.CampaignView;
import org.xeenet.campaign.boundary.CampaignOrchestrator;
import org.xeenet.campaign.boundary.CampaignSharing;
import org.xeenet.problem.ForbiddenException;
import org.xeenet.problem.NotFoundException;
import org.xeenet.problem.RejectedInputException;

/** A campaign's sharing page: whom it is shared with; the owner adds or removes researchers. */
@Named("sharePage")
@ViewScoped
public class SharePage implements Serializable {
  private static final long serialVersionUID = 1L;

  @EJB transient CampaignSharing sharing;

  @EJB transient CampaignOrchestrator orchestrator;

  @Inject PortalSession session;

  private String id;
  private String title;
  private boolean missing;
  private List<CampaignSharing.Share> shares = List.of();
  private String username;

  /** The view action of a GET: reads the campaign named by {@code ?id=}. */
  public void load() {
    try {
      CampaignView campaign = orchestrator.detail(id, session.requireResearcher());
      title = campaign.title();
      shares = sharing.shares(id, session.requireResearcher());
      missing = false;
    } catch (NotFoundException e) {
      missing = true;
    }
  }

  public void share() {
    try {
      shares = sharing.share(id, session.requireResearcher(), username);
      username = null;
    } catch (RejectedInputException e) {
      message(
          "share:username", e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).message());
    } catch (ForbiddenException | NotFoundException e) {
      message("share:username", e.getMessage());
    }
  }

  public void unshare(String who) {
    try {
      shares = sharing.unshare(id, session.requireResearcher(), who);
    } catch (ForbiddenException | NotFoundException e) {
      message(null, e.getMessage());
    }
  }

  private static void message(String field, String text) {
    FacesContext.getCurrentInstance()
        .addMessage(field, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getTitle() {
    return title;
  }

  public boolean isMissing() {
    return missing;
  }

  public List<CampaignSharing.Share> getShares() {
    return shares;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }
}
