package org.xeenet.portal.boundary;

import java.util.List;
import java.util.Set;

/** Which portal pages are open to anyone, which are researchers' only, and each role's home. */
final class PortalPages {
  static final String LOGIN = "/login.xhtml";
  static final String SIGNUP = "/signup.xhtml";
  static final String EXPIRED = "/expired.xhtml";
  static final String RESEARCHER_HOME = "/index.xhtml";
  static final String VOLUNTEER_HOME = "/pairing.xhtml";

  /** Pages shown without signing in. */
  static final Set<String> PUBLIC = Set.of(LOGIN, SIGNUP, EXPIRED);

  /** Pages of researchers' campaigns (by path prefix): a volunteer is sent home instead. */
  static final List<String> RESEARCHER_ONLY =
      List.of("/index", "/brief", "/campaign", "/task", "/report", "/wizard", "/share");

  private PortalPages() {}

  static boolean researcherOnly(String path) {
    return RESEARCHER_ONLY.stream().anyMatch(path::startsWith);
  }
}
