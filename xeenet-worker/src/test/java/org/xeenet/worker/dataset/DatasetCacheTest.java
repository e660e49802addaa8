package org.xeenet.worker.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCacheTest {
  static final byte[] DATA = "hello dataset\n".getBytes(StandardCharsets.UTF_8);
  static final String SHA = "b4d6b1ba2c6cd9d2a6a4b5d6cc4b0f2d0c30a5b8d9a0c0b2a8f2f1c3b5f1e0d7";

  static String sha(byte[] b) throws Exception {
    return java.util.HexFormat.of()
        .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
  }

  @Test
  void downloadsOnceThenReusesTheVerifiedCopy(@TempDir Path dir) throws Exception {
    DatasetCache cache = new DatasetCache(dir);
    String sha = sha(DATA);
    AtomicInteger downloads = new AtomicInteger();
    DatasetCache.Source src =
        () -> {
          downloads.incrementAndGet();
          return new ByteArrayInputStream(DATA);
        };
    Path p = cache.fetch(sha, src);
    assertThat(p).isEqualTo(dir.resolve("datasets").resolve(sha));
    assertThat(Files.readAllBytes(p)).isEqualTo(DATA);
    assertThat(cache.fetch(sha.toUpperCase(), src)).isEqualTo(p);
    assertThat(downloads).hasValue(1);
    assertThat(cache.isCached(sha)).isTrue();
  }

  @Test
  void corruptCachedFileIsDownloadedAgain(@TempDir Path dir) throws Exception {
    DatasetCache cache = new DatasetCache(dir);
    String sha = sha(DATA);
    Files.createDirectories(cache.directory());
    Files.writeString(cache.pathFor(sha), "tampered");
    Path p = cache.fetch(sha, () -> new ByteArrayInputStream(DATA));
    assertThat(Files.readAllBytes(p)).isEqualTo(DATA);
  }

  @Test
  void mismatchDeletesTheDownloadAndFails(@TempDir Path dir) throws Exception {
    DatasetCache cache = new DatasetCache(dir);
    assertThatThrownBy(() -> cache.fetch(SHA, () -> new ByteArrayInputStream(DATA)))
        .isInstanceOf(DatasetCache.HashMismatchException.class)
        .hasMessageContaining(SHA);
    try (var files = Files.list(cache.directory())) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void rejectsSomethingThatIsNotAHash(@TempDir Path dir) {
    assertThatThrownBy(() -> new DatasetCache(dir).pathFor("../etc/passwd"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
