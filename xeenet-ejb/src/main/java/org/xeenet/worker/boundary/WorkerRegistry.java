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
import org.xeenet.task.control.HardwareRequirement;
import org.xeenet.worker.entity.Worker;

/** Registers volunteer workers and recognises their tokens. */
@Stateless
public class WorkerRegistry {
  private static final Logger LOG = Logger.getLogger(WorkerRegistry.class.getName());
  private static final Jsonb JSONB = JsonbBuilder.create();

  @PersistenceContext EntityManager em;

  private static void checkAmount(List<FieldError> errors, String field, Double value) {
    if (value != null && (!Double.isFinite(value) || value < 0 || value > 1e12)) {
      errors.add(new FieldError(field, "must be a number between 0 and 1e12"));
    }
  }

  private static void checkLength(List<FieldError> errors, String field, String value, int max) {
    if (value != null && value.length() > max) {
      errors.add(new FieldError(field, "must be at most " + max + " characters"));
    }
  }

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
    if (registration.trainingCapability() != null
        && registration.trainingCapability().codePackages() != null
        && String.join(",", registration.trainingCapability().codePackages()).length() > 1000) {
      errors.add(
          new FieldError("training_capability.code_packages", "must be at most 1000 characters"));
    }
    if (profile != null) {
      if (profile.cpuCores() != null && profile.cpuCores() < 1) {
        errors.add(new FieldError("resource_profile.cpu_cores", "must be at least 1"));
      }
      if (profile.ramGb() != null && profile.ramGb() < 0) {
        errors.add(new FieldError("resource_profile.ram_gb", "must not be negative"));
      }
      // the database keeps finite doubles and bounded strings only (fuzzing found 500s)
      checkAmount(errors, "resource_profile.ram_gb", profile.ramGb());
      checkAmount(errors, "resource_profile.gpu_vram_gb", profile.gpuVramGb());
      checkAmount(errors, "resource_profile.benchmark_tokens_per_s", profile.benchmarkTokensPerS());
      checkLength(errors, "resource_profile.gpu_name", profile.gpuName(), 200);
      checkLength(errors, "resource_profile.os", profile.os(), 100);
      checkLength(errors, "resource_profile.arch", profile.arch(), 50);
    }
    if (registration.trainingCapability() != null
        && JSONB.toJson(registration.trainingCapability()).length() > 4000) {
      errors.add(new FieldError("training_capability", "must be at most 4000 characters as JSON"));
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
            codePackages(registration),
            Instant.now());
    em.persist(worker);
    LOG.info(() -> "worker " + worker.id() + " registered as '" + worker.name() + "'");
    return new WorkerCredentials(worker.id(), token);
  }

  private static List<String> codePackages(WorkerRegistration registration) {
    if (registration.trainingCapability() == null
        || registration.trainingCapability().codePackages() == null) {
      return List.of();
    }
    return registration.trainingCapability().codePackages().stream()
        .filter(p -> p != null && !p.isBlank() && !p.contains(","))
        .map(String::strip)
        .distinct()
        .toList();
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

  /** How many registered workers could run tasks that need {@code requirement}. */
  public long countMeeting(HardwareRequirement requirement) {
    StringBuilder jpql = new StringBuilder("SELECT COUNT(w) FROM Worker w WHERE 1 = 1");
    if (requirement.minCpuCores() != null) {
      jpql.append(" AND w.cpuCores >= :cores");
    }
    if (requirement.minRamGb() != null) {
      jpql.append(" AND w.ramGb >= :ram");
    }
    if (requirement.needsGpu()) {
      jpql.append(" AND w.gpuName IS NOT NULL");
    }
    if (requirement.minGpuVramGb() != null) {
      jpql.append(" AND w.gpuVramGb >= :vram");
    }
    var query = em.createQuery(jpql.toString(), Long.class);
    if (requirement.minCpuCores() != null) {
      query.setParameter("cores", requirement.minCpuCores());
    }
    if (requirement.minRamGb() != null) {
      query.setParameter("ram", requirement.minRamGb());
    }
    if (requirement.minGpuVramGb() != null) {
      query.setParameter("vram", requirement.minGpuVramGb());
    }
    return query.getSingleResult();
  }

  public Optional<Worker> find(String id) {
    return Optional.ofNullable(em.find(Worker.class, id));
  }
}
