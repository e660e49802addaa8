package org.xeenet.worker.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativesCacheTest {
  @Test
  void removesOnlyStaleTmpDirs(@TempDir Path cache) throws Exception {
    Path pt = cache.resolve("pytorch");
    Path stale = Files.createDirectories(pt.resolve("tmp123/lib"));
    Files.writeString(stale.resolve("libtorch_cpu.so"), "half");
    Files.setLastModifiedTime(
        pt.resolve("tmp123"), FileTime.from(Instant.now().minusSeconds(3600)));
    Path fresh = Files.createDirectories(pt.resolve("tmp456"));
    Path real = Files.createDirectories(pt.resolve("2.7.1-20250812-cpu-linux-x86_64"));
    Files.setLastModifiedTime(real, FileTime.from(Instant.now().minusSeconds(3600)));

    assertThat(NativesCache.cleanStale(cache, Instant.now(), Duration.ofMinutes(10)))
        .containsExactly(pt.resolve("tmp123"));
    assertThat(pt.resolve("tmp123")).doesNotExist();
    assertThat(fresh).exists();
    assertThat(real).exists();
    assertThat(NativesCache.cleanStale(cache.resolve("none"), Instant.now(), Duration.ZERO))
        .isEmpty();
  }
}
