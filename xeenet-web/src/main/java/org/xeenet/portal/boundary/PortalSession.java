package org.xeenet.portal.boundary;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * The researcher signed in to this HTTP session: only their id and name are kept, never the token.
 */
@Named("portalSession")
@SessionScoped
public class PortalSession implements Serializable {
  private static final long serialVersionUID = 1L;

  private String researcherId;
  private String researcherName;

  public boolean isLoggedIn() {
    return researcherId != null;
  }

  public String getResearcherId() {
    return researcherId;
  }

  public String getResearcherName() {
    return researcherName;
  }

  void signIn(String id, String name) {
    this.researcherId = id;
    this.researcherName = name;
  }

  void signOut() {
    this.researcherId = null;
    this.researcherName = null;
  }

  /** The signed-in researcher's id; pages reached without one were stopped by the filter. */
  String requireResearcher() {
    if (researcherId == null) {
      throw new IllegalStateException("no researcher is signed in");
    }
    return researcherId;
  }
}
