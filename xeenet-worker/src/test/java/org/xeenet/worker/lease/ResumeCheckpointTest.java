package org.xeenet.worker.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumeCheckpointTest {
  private static String sha(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aPromotionsConfigNamesItsParent() {
    assertThat(ResumeCheckpoint.source(Map.of("resume_from_lease", "l-1", "resume_step", 100L)))
        .isEqualTo(new ResumeCheckpoint.Source("l-1", 100));
    assertThat(
            ResumeCheckpoint.source(
                Map.of("resume_from_lease", "l-1", "resume_step", new java.math.BigDecimal(300))))
        .isEqualTo(new ResumeCheckpoint.Source("l-1", 300));
    assertThat(ResumeCheckpoint.source(Map.of("n_layer", 2))).isNull();
    assertThat(ResumeCheckpoint.source(Map.of("resume_from_lease", "l-1"))).isNull();
    assertThat(ResumeCheckpoint.source(Map.of("resume_from_lease", "l", "resume_step", 0)))
        .isNull();
    assertThat(ResumeCheckpoint.source(Map.of("resume_from_lease", "l", "resume_step", 1.5)))
        .isNull();
    assertThat(ResumeCheckpoint.source(null)).isNull();
  }

  @Test
  void theDownloadIsKeptOnlyWhenItsSha256Matches(@TempDir Path dir) throws Exception {
    byte[] bytes = "weights".getBytes(StandardCharsets.UTF_8);
    Path target = dir.resolve("parent.params");
    ResumeCheckpoint.Source source = new ResumeCheckpoint.Source("l-1", 100);
    Path got =
        ResumeCheckpoint.fetch(
            source,
            lease -> new ResumeCheckpoint.Download(new ByteArrayInputStream(bytes), sha(bytes)),
            target);
    assertThat(Files.readAllBytes(got)).isEqualTo(bytes);

    Path other = dir.resolve("bad.params");
    assertThatThrownBy(
            () ->
                ResumeCheckpoint.fetch(
                    source,
                    lease ->
                        new ResumeCheckpoint.Download(
                            new ByteArrayInputStream(bytes), sha("other".getBytes())),
                    other))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("mismatch");
    assertThat(other).doesNotExist();
    assertThatThrownBy(
            () ->
                ResumeCheckpoint.fetch(
                    source,
                    lease -> new ResumeCheckpoint.Download(new ByteArrayInputStream(bytes), null),
                    other))
        .hasMessageContaining("no sha256");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("parent.params");
    }
  }
}
