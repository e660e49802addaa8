package org.xeenet.portal.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.xeenet.economics.boundary.AccountViews.Leaderboard;
import org.xeenet.economics.boundary.Economics;
import org.xeenet.pairing.boundary.Pairing;
import org.xeenet.portal.control.Formats;

/**
 * The volunteer pages: the workers with their status, device, tasks done, credits earned (from the
 * ledger) and reputation; the leaderboard by credits and by validated tasks; the worker download
 * with the one command that runs it against this server.
 */
@Named("volunteer")
@RequestScoped
public class VolunteerView {
  @EJB PortalQueries queries;

  @EJB Economics economics;

  @Inject WorkerJar jar;

  @EJB Pairing pairing;

  @Inject PortalSession session;

  @Inject
  @ConfigProperty(name = "xeenet.leaderboard.size", defaultValue = "25")
  int leaderboardSize;

  private List<PortalQueries.WorkerSummary> workers;
  private Leaderboard leaderboard;

  /** Every worker; for a volunteer, the workers paired with their account. */
  public List<PortalQueries.WorkerSummary> getWorkers() {
    if (workers == null) {
      workers = queries.workers();
      if (session.isVolunteer()) {
        Set<String> mine =
            pairing.workersOf(session.getAccountId()).stream()
                .map(w -> w.id())
                .collect(Collectors.toSet());
        workers = workers.stream().filter(w -> mine.contains(w.workerId())).toList();
      }
    }
    return workers;
  }

  public long getOnline() {
    return getWorkers().stream().filter(w -> !"offline".equals(w.status())).count();
  }

  public Leaderboard getLeaderboard() {
    if (leaderboard == null) {
      leaderboard = economics.leaderboard(leaderboardSize);
    }
    return leaderboard;
  }

  public String credits(double value) {
    return Formats.decimals(value, 2);
  }

  public String reputation(double value) {
    return Formats.decimals(value, 2);
  }

  public String instant(java.time.Instant value) {
    return value == null ? "never" : Formats.instant(value);
  }

  public String shortId(String id) {
    return Formats.shortId(id);
  }

  public boolean isJarAvailable() {
    return jar.available();
  }

  public String getJarSize() {
    return jar.available() ? Formats.decimals(jar.size() / 1_048_576.0, 1) + " MB" : "";
  }

  /** This server's base URL as the browser reached it. */
  public String getServerUrl() {
    HttpServletRequest request =
        (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    String url = request.getRequestURL().toString();
    String path = request.getRequestURI();
    return url.substring(0, url.length() - path.length()) + request.getContextPath();
  }

  /** The one command that runs the downloaded worker against this server. */
  public String getCommand() {
    return "java -jar xeenet-worker.jar run --server " + getServerUrl();
  }
}
