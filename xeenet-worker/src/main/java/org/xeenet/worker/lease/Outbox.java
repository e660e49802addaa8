package org.xeenet.worker.lease;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xeenet.api.TaskResult;
import org.xeenet.worker.trainer.TrainerEvents;

/**
 * Results not yet delivered, one JSON file each under {@code <work-dir>/outbox}. A result is put
 * here before its first submit and removed once the server answered it (200, or 409/4xx: nothing
 * more to do), so a result survives a server outage and a worker restart; the loop submits what is
 * left whenever the server answers again (submits are idempotent on the server).
 */
public final class Outbox {
  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

  /** One pending submission. */
  public record Entry(
      @JsonbProperty("server") String server,
      @JsonbProperty("lease_id") String leaseId,
      @JsonbProperty("created_at") String createdAt,
      @JsonbProperty("result") TaskResult result) {
    @JsonbCreator
    public Entry {}
  }

  private final Path dir;

  public Outbox(Path workDir) {
    this.dir = workDir.resolve("outbox");
  }

  public Path dir() {
    return dir;
  }

  /** Stores (or replaces) the pending result of a lease, atomically. */
  public Path put(String server, String leaseId, TaskResult result) throws IOException {
    Files.createDirectories(dir);
    Path target = file(server, leaseId);
    Path tmp = Files.createTempFile(dir, ".entry", ".tmp");
    Entry e = new Entry(server, leaseId, java.time.Instant.now().toString(), result);
    Files.writeString(tmp, TrainerEvents.jsonb().toJson(e), StandardCharsets.UTF_8);
    try {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException ex) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return target;
  }

  /** Removes a delivered entry. */
  public void remove(String server, String leaseId) {
    try {
      Files.deleteIfExists(file(server, leaseId));
    } catch (IOException e) {
      LOG.warn("cannot delete outbox entry for lease {}: {}", leaseId, e.toString());
    }
  }

  /** Pending entries for {@code server}, oldest file first; unreadable files are skipped. */
  public List<Entry> pending(String server) {
    List<Path> files = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
      for (Path p : ds) {
        files.add(p);
      }
    } catch (IOException e) {
      LOG.warn("cannot list the outbox {}: {}", dir, e.toString());
      return List.of();
    }
    files.sort(Comparator.comparing(Outbox::mtime));
    List<Entry> out = new ArrayList<>();
    for (Path p : files) {
      try {
        Entry e =
            TrainerEvents.jsonb()
                .fromJson(Files.readString(p, StandardCharsets.UTF_8), Entry.class);
        if (e != null && server.equals(e.server()) && e.leaseId() != null && e.result() != null) {
          out.add(e);
        }
      } catch (IOException | RuntimeException ex) {
        LOG.warn("skipping unreadable outbox entry {}: {}", p, ex.toString());
      }
    }
    return out;
  }

  public boolean isEmpty(String server) {
    return pending(server).isEmpty();
  }

  private Path file(String server, String leaseId) {
    String safe = leaseId.replaceAll("[^A-Za-z0-9._-]", "_");
    return dir.resolve(Integer.toHexString(server.hashCode()) + "-" + safe + ".json");
  }

  private static long mtime(Path p) {
    try {
      return Files.getLastModifiedTime(p).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }
}
