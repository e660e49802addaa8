package org.xeenet.worker.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.xeenet.account.control.BearerToken;
import org.xeenet.api.ResourceProfile;
import org.xeenet.problem.ForbiddenException;
import org.xeenet.task.boundary.TaskResultSettled;
import org.xeenet.trust.boundary.Trust;
import org.xeenet.worker.entity.Worker;

/**
 * The standing of workers on the lease path, kept in memory for a short while so a poll does not
 * read the worker's row twice and recompute its reputation: token → worker (a minute; a worker's
 * token and profile do not change, and re-reading notes the worker as seen), and whether it is
 * quarantined ({@code TTL_QUARANTINE_MILLIS}, and forgotten as soon as one of its results settled,
 * the only thing on this path that changes it).
 */
@ApplicationScoped
public class WorkerDirectory {
  static final long TTL_TOKEN_MILLIS = 60_000;
  static final long TTL_QUARANTINE_MILLIS = 5_000;
  private static final int MAX_ENTRIES = 200_000;

  /** What the lease path needs of a worker. */
  public record WorkerStanding(String id, ResourceProfile profile, List<String> codePackages) {}

  private record Known(WorkerStanding worker, long readAt) {}

  private record Standing(String refusal, long readAt) {}

  @EJB WorkerRegistry registry;

  @EJB Trust trust;

  private final Map<String, Known> byTokenHash = new ConcurrentHashMap<>();
  private final Map<String, Known> byId = new ConcurrentHashMap<>();
  private final Map<String, Standing> quarantine = new ConcurrentHashMap<>();

  /** The worker a bearer token belongs to. */
  public Optional<WorkerStanding> authenticate(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    String hash = BearerToken.sha256(token);
    long now = System.currentTimeMillis();
    Known known = byTokenHash.get(hash);
    if (known != null && now - known.readAt() < TTL_TOKEN_MILLIS) {
      return Optional.of(known.worker());
    }
    Optional<WorkerStanding> worker = registry.authenticate(token).map(WorkerDirectory::standing);
    worker.ifPresent(
        w -> {
          if (byTokenHash.size() > MAX_ENTRIES) {
            byTokenHash.clear();
            byId.clear();
          }
          Known fresh = new Known(w, now);
          byTokenHash.put(hash, fresh);
          byId.put(w.id(), fresh);
        });
    return worker;
  }

  /** A worker by id (as authenticated a moment ago, or read now). */
  public Optional<WorkerStanding> find(String workerId) {
    Known known = byId.get(workerId);
    if (known != null && System.currentTimeMillis() - known.readAt() < TTL_TOKEN_MILLIS) {
      return Optional.of(known.worker());
    }
    return registry.find(workerId).map(WorkerDirectory::standing);
  }

  /** Throws 403 for a quarantined worker (see {@link Trust#requireNotQuarantined}). */
  public void requireNotQuarantined(String workerId) {
    long now = System.currentTimeMillis();
    Standing standing = quarantine.get(workerId);
    if (standing == null || now - standing.readAt() >= TTL_QUARANTINE_MILLIS) {
      String refusal = null;
      try {
        trust.requireNotQuarantined(workerId);
      } catch (ForbiddenException e) {
        refusal = e.getMessage();
      }
      if (quarantine.size() > MAX_ENTRIES) {
        quarantine.clear();
      }
      standing = new Standing(refusal, now);
      quarantine.put(workerId, standing);
    }
    if (standing.refusal() != null) {
      throw new ForbiddenException(standing.refusal());
    }
  }

  /** A settled result may change the worker's reputation: read it again at its next poll. */
  void resultSettled(
      @Observes(during = TransactionPhase.AFTER_COMPLETION) TaskResultSettled settled) {
    quarantine.remove(settled.workerId());
  }

  private static WorkerStanding standing(Worker worker) {
    return new WorkerStanding(worker.id(), worker.profile(), worker.codePackages());
  }
}
