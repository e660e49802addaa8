package org.xeenet.worker.boundary;

import jakarta.ejb.Stateless;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.xeenet.account.control.BearerToken;
import org.xeenet.api.Problem.FieldError;
import org.xeenet.api.ResourceProfile;
import org.xeenet.api.WorkerCredentials;
import org.xeenet.api.WorkerRegistration;
import org.xeenet.problem.RejectedInputException;
import org.xeenet.worker.entity.Worker;

/** Registers volunteer workers and recognises their tokens. */
@Stateless
public class WorkerRegistry {
  private static final Logger LOG = Logger.getLogger(WorkerRegistry.class.getName());
  private static final Jsonb JSONB = JsonbBuilder.create();

  @PersistenceContext EntityManager em;

  public WorkerCredentials register(WorkerRegistration registration) {
    List<FieldError> errors = new ArrayList<>();
    if (registration == null) {
      throw new RejectedInputException("body", "a registration document is required");
    }
    if (registration.name() == null || registration.name().isBlank()) {
      errors.add(new FieldError("name", "must not be blank"));
    } else if (registration.name().length() > 200) {
      errors.add(new FieldError("name", "must be at most 200 characters"));
    }
    ResourceProfile profile = registration.resourceProfile();
    if (profile != null) {
      if (profile.cpuCores() != null && profile.cpuCores() < 1) {
        errors.add(new FieldError("resource_profile.cpu_cores", "must be at least 1"));
      }
      if (profile.ramGb() != null && profile.ramGb() < 0) {
        errors.add(new FieldError("resource_profile.ram_gb", "must not be negative"));
      }
    }
    if (!errors.isEmpty()) {
      throw new RejectedInputException("the registration is invalid", errors);
    }
    String token = BearerToken.generate();
    String capability =
        registration.trainingCapability() == null
            ? null
            : JSONB.toJson(registration.trainingCapability());
    Worker worker =
        new Worker(
            registration.name().strip(),
            BearerToken.sha256(token),
            profile,
            capability,
            Instant.now());
    em.persist(worker);
    LOG.info(() -> "worker " + worker.id() + " registered as '" + worker.name() + "'");
    return new WorkerCredentials(worker.id(), token);
  }

  /** The worker a bearer token belongs to; notes the call. */
  public Optional<Worker> authenticate(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    Optional<Worker> worker =
        em.createNamedQuery(Worker.BY_TOKEN, Worker.class)
            .setParameter("sha", BearerToken.sha256(token))
            .getResultStream()
            .findFirst();
    worker.ifPresent(w -> w.seen(Instant.now()));
    return worker;
  }

  public Optional<Worker> find(String id) {
    return Optional.ofNullable(em.find(Worker.class, id));
  }
}
