package org.xeenet.checkpoint.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.xeenet.api.TaskResult;
import org.xeenet.checkpoint.entity.StoredCheckpoint;
import org.xeenet.problem.ConflictException;
import org.xeenet.problem.ForbiddenException;
import org.xeenet.problem.NotFoundException;
import org.xeenet.problem.RejectedInputException;
import org.xeenet.task.entity.Lease;
import org.xeenet.task.entity.Task;

/**
 * Keeps the checkpoints of results. A worker uploads the checkpoint of its own lease after the
 * result, which names its SHA-256; the bytes must have that hash. Files live in {@code
 * <xeenet.data.dir>/checkpoints/<sha256>.params}; the row in {@code XN_CHECKPOINT} says which lease
 * it belongs to. The same bytes for a second lease are refused as a replay ({@link
 * Outcome#DUPLICATE}).
 */
@Stateless
public class CheckpointStore {
  private static final Logger LOG = Logger.getLogger(CheckpointStore.class.getName());
  private static final Jsonb JSONB = JsonbBuilder.create();

  @PersistenceContext EntityManager em;

  @Inject
  @ConfigProperty(name = "xeenet.data.dir", defaultValue = "./data")
  String dataDir;

  @Inject
  @ConfigProperty(name = "xeenet.checkpoint.max-bytes", defaultValue = "33554432")
  long maxBytes;

  /** What an upload did. */
  public enum Outcome {
    /** stored now */
    CREATED,
    /** the same bytes were already stored for this lease */
    SAME,
    /** these bytes were already stored for another lease: a replayed or copied result */
    DUPLICATE
  }

  /** The answer to an upload; {@code duplicateOf} is the other lease for a DUPLICATE. */
  public record Upload(Outcome outcome, StoredCheckpoint checkpoint, String duplicateOf) {}

  /** Largest checkpoint accepted, in bytes. */
  public long maxBytes() {
    return maxBytes;
  }

  /** Where uploads are staged before {@link #put}: on the same file system as the store. */
  public Path stagingDir() {
    Path dir = directory().resolve("staging");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  Path directory() {
    return Path.of(dataDir).toAbsolutePath().resolve("checkpoints");
  }

  /**
   * Stores a staged upload for a lease of this worker: its result must be in and must name the
   * staged file's hash. Nothing is written when it is refused.
   */
  public Upload put(String leaseId, String workerId, Path staged, String sha256, long size) {
    Lease lease = em.find(Lease.class, leaseId, LockModeType.PESSIMISTIC_WRITE);
    if (lease == null) {
      throw new NotFoundException("no lease " + leaseId);
    }
    if (!lease.workerId().equals(workerId)) {
      throw new ForbiddenException("lease " + leaseId + " belongs to another worker");
    }
    if (!lease.hasResult()) {
      throw new ConflictException(
          "lease "
              + leaseId
              + " has no result yet: submit the result (naming checkpoint_sha256)"
              + " first");
    }
    String named = namedCheckpoint(lease);
    if (named == null) {
      throw new ConflictException("the result of lease " + leaseId + " names no checkpoint_sha256");
    }
    if (!named.equals(sha256)) {
      throw new RejectedInputException(
          "body",
          "the bytes have SHA-256 "
              + sha256
              + ", not the checkpoint_sha256 "
              + named
              + " the result names");
    }
    if (size <= 0) {
      throw new RejectedInputException("body", "the checkpoint is empty");
    }
    StoredCheckpoint mine = em.find(StoredCheckpoint.class, leaseId);
    if (mine != null) {
      return new Upload(Outcome.SAME, mine, null);
    }
    Optional<StoredCheckpoint> other = bySha256(sha256);
    if (other.isPresent()) {
      LOG.warning(
          () ->
              "lease "
                  + leaseId
                  + " of worker "
                  + workerId
                  + ": its checkpoint was already uploaded for lease "
                  + other.get().leaseId()
                  + " (a replayed or copied result)");
      return new Upload(Outcome.DUPLICATE, other.get(), other.get().leaseId());
    }
    Task task = em.find(Task.class, lease.taskId());
    StoredCheckpoint row =
        new StoredCheckpoint(
            leaseId, task.id(), task.campaignId(), workerId, sha256, size, Instant.now());
    em.persist(row);
    em.flush();
    try {
      Files.createDirectories(directory());
      Files.move(staged, file(sha256), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the checkpoint of lease " + leaseId, e);
    }
    LOG.info(() -> "lease " + leaseId + ": checkpoint " + sha256 + " (" + size + " bytes) stored");
    return new Upload(Outcome.CREATED, row, null);
  }

  /** The checkpoint_sha256 a lease's accepted result names, or null. */
  public String namedCheckpoint(Lease lease) {
    if (lease.resultJson() == null) {
      return null;
    }
    try {
      TaskResult result = JSONB.fromJson(lease.resultJson(), TaskResult.class);
      return result.checkpointSha256();
    } catch (RuntimeException e) {
      return null;
    }
  }

  public Optional<StoredCheckpoint> byLease(String leaseId) {
    return Optional.ofNullable(em.find(StoredCheckpoint.class, leaseId));
  }

  public Optional<StoredCheckpoint> bySha256(String sha256) {
    return em.createQuery(
            "SELECT c FROM StoredCheckpoint c WHERE c.sha256 = :s", StoredCheckpoint.class)
        .setParameter("s", sha256)
        .getResultStream()
        .findFirst();
  }

  /** The file of a stored checkpoint. */
  public Path file(String sha256) {
    return directory().resolve(sha256 + ".params");
  }

  /**
   * The checkpoint of a lease for a worker that may read it: the worker of the lease, or one that
   * holds an active lease or check in the same campaign (a verifier, a resumed run).
   */
  public StoredCheckpoint readable(String leaseId, String workerId) {
    StoredCheckpoint checkpoint =
        byLease(leaseId)
            .orElseThrow(() -> new NotFoundException("no checkpoint for lease " + leaseId));
    if (checkpoint.workerId().equals(workerId) || activeIn(checkpoint.campaignId(), workerId)) {
      return checkpoint;
    }
    throw new ForbiddenException(
        "the checkpoint of lease "
            + leaseId
            + " is readable by its worker and by workers with work in its campaign");
  }

  private boolean activeIn(String campaignId, String workerId) {
    boolean lease =
        !em.createNativeQuery(
                "SELECT 1 FROM XN_LEASE l JOIN XN_TASK t ON t.ID = l.TASK_ID WHERE l.WORKER_ID = ?1"
                    + " AND l.STATE = 'ACTIVE' AND t.CAMPAIGN_ID = ?2 FETCH FIRST 1 ROWS ONLY")
            .setParameter(1, workerId)
            .setParameter(2, campaignId)
            .getResultList()
            .isEmpty();
    return lease
        || !em.createNativeQuery(
                "SELECT 1 FROM XN_CHECK WHERE CHECKER_ID = ?1 AND STATUS = 'LEASED'"
                    + " AND CAMPAIGN_ID = ?2 FETCH FIRST 1 ROWS ONLY")
            .setParameter(1, workerId)
            .setParameter(2, campaignId)
            .getResultList()
            .isEmpty();
  }
}
