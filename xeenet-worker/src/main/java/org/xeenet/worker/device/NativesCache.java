package org.xeenet.worker.device;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where libtorch is unpacked: {@code <work-dir>/djl} (given to the child as {@code DJL_CACHE_DIR}),
 * from the natives jar bundled in the worker jar, once. A kill during the first unpack leaves a
 * {@code pytorch/tmp…} directory (~190 MB) that DJL never removes; {@link #cleanStale} deletes
 * those older than a few minutes at start (younger ones may belong to another worker unpacking).
 */
public final class NativesCache {
  public static final Duration STALE_AFTER = Duration.ofMinutes(10);

  private NativesCache() {}

  public static Path dir(Path workDir) {
    return workDir.resolve("djl");
  }

  /** Deletes {@code <cache>/pytorch/tmp*} directories last modified before {@code now - age}. */
  public static List<Path> cleanStale(Path cacheDir, Instant now, Duration age) {
    List<Path> removed = new ArrayList<>();
    Path pt = cacheDir.resolve("pytorch");
    if (!Files.isDirectory(pt)) {
      return removed;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(pt, "tmp*")) {
      for (Path p : ds) {
        if (Files.isDirectory(p)
            && Files.getLastModifiedTime(p).toInstant().isBefore(now.minus(age))) {
          deleteTree(p);
          removed.add(p);
        }
      }
    } catch (IOException e) {
      // best effort: a failed clean-up must not stop the worker
    }
    return removed;
  }

  static void deleteTree(Path root) throws IOException {
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
            Files.deleteIfExists(f);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            Files.deleteIfExists(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
