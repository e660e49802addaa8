package org.xeenet.worker.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A content-addressed dataset cache: {@code <work-dir>/datasets/<sha256>}. A cached file is reused
 * only when its hash matches; a download is written to a temp file, verified, then moved in place.
 */
public final class DatasetCache {
  private static final Logger LOG = LoggerFactory.getLogger(DatasetCache.class);

  /** Opens the bytes of a dataset (an HTTP GET in the worker, a file in tests). */
  @FunctionalInterface
  public interface Source {
    InputStream open() throws IOException;
  }

  /** The downloaded bytes did not have the announced sha256. */
  public static final class HashMismatchException extends IOException {
    public HashMismatchException(String expected, String actual) {
      super("dataset sha256 mismatch: expected " + expected + ", got " + actual);
    }
  }

  private final Path dir;

  public DatasetCache(Path workDir) {
    this.dir = workDir.resolve("datasets");
  }

  public Path directory() {
    return dir;
  }

  /** Where a dataset with this hash lives in the cache. */
  public Path pathFor(String sha256) {
    return dir.resolve(normalise(sha256));
  }

  /** True when the cached file exists and its content has this hash. */
  public boolean isCached(String sha256) throws IOException {
    Path p = pathFor(sha256);
    return Files.isRegularFile(p) && sha256Of(p).equals(normalise(sha256));
  }

  /**
   * Returns the verified local file, downloading it from {@code source} unless a matching copy is
   * cached. On a hash mismatch the download is deleted and {@link HashMismatchException} thrown.
   */
  public Path fetch(String sha256, Source source) throws IOException {
    String want = normalise(sha256);
    Path target = pathFor(want);
    if (Files.isRegularFile(target)) {
      if (sha256Of(target).equals(want)) {
        LOG.info("dataset {} found in cache {}", want, target);
        return target;
      }
      LOG.warn("cached dataset {} is corrupt, downloading again", target);
      Files.deleteIfExists(target);
    }
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, want + ".", ".part");
    try {
      String got;
      MessageDigest md = digest();
      try (InputStream in = new DigestInputStream(source.open(), md);
          OutputStream out = Files.newOutputStream(tmp)) {
        in.transferTo(out);
      }
      got = HexFormat.of().formatHex(md.digest());
      if (!got.equals(want)) {
        throw new HashMismatchException(want, got);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      LOG.info("dataset {} downloaded to {} ({} bytes)", want, target, Files.size(target));
      return target;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  public static String sha256Of(Path file) throws IOException {
    MessageDigest md = digest();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static String normalise(String sha256) {
    if (sha256 == null || !sha256.matches("(?i)[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a sha256: " + sha256);
    }
    return sha256.toLowerCase(Locale.ROOT);
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
