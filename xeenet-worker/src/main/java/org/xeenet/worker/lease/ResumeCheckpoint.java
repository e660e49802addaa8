package org.xeenet.worker.lease;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.xeenet.worker.dataset.DatasetCache;

/**
 * The parent checkpoint an ASHA promotion names in its config ({@code resume_from_lease}, {@code
 * resume_step}): downloaded, its sha256 checked against the one the server names, then handed to
 * the trainer, which continues from {@code resume_step} instead of training from scratch. Any
 * failure (no checkpoint on the server, a hash mismatch) leaves the task training from scratch,
 * which is what it did before resuming existed: slower, never wrong.
 */
public final class ResumeCheckpoint {
  public static final String FROM_LEASE = "resume_from_lease";
  public static final String STEP = "resume_step";

  /** Where the parent's checkpoint is and the step it reached. */
  public record Source(String leaseId, long step) {}

  /** Opens a download: the bytes and the sha256 the server names for them. */
  public interface Downloader {
    Download open(String leaseId) throws IOException;
  }

  /** An opened download. */
  public record Download(InputStream body, String sha256) {}

  private ResumeCheckpoint() {}

  /** The resume source a task's config names, or null for a task that starts from scratch. */
  public static Source source(Map<String, Object> config) {
    if (config == null) {
      return null;
    }
    Object lease = config.get(FROM_LEASE);
    Object step = config.get(STEP);
    if (!(lease instanceof String id) || id.isBlank() || !(step instanceof Number n)) {
      return null;
    }
    long s = n.longValue();
    if (s < 1 || s != n.doubleValue()) {
      return null;
    }
    return new Source(id, s);
  }

  /**
   * Downloads the checkpoint to {@code target} (through a temporary file moved into place) and
   * checks its sha256; throws when the server names none or the bytes do not match it.
   */
  public static Path fetch(Source source, Downloader downloader, Path target) throws IOException {
    Download d = downloader.open(source.leaseId());
    if (d.sha256() == null || d.sha256().isBlank()) {
      d.body().close();
      throw new IOException("the server named no sha256 for the checkpoint");
    }
    Files.createDirectories(target.toAbsolutePath().getParent());
    Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "resume-", ".part");
    try {
      try (InputStream in = d.body()) {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      }
      String got = DatasetCache.sha256Of(tmp);
      if (!got.equalsIgnoreCase(d.sha256().trim())) {
        throw new IOException(
            "checkpoint sha256 mismatch: expected " + d.sha256() + ", got " + got);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
