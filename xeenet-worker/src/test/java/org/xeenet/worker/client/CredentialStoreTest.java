package org.xeenet.worker.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xeenet.api.WorkerCredentials;

class CredentialStoreTest {
  @Test
  void keepsCredentialsPerServerOwnerOnly(@TempDir Path dir) throws Exception {
    CredentialStore store = new CredentialStore(dir.resolve("cfg"));
    assertThat(store.load("http://a:1")).isNull();
    store.save("http://a:1/", new WorkerCredentials("w1", "tok1"));
    store.save("http://b:2", new WorkerCredentials("w2", "tok2"));
    CredentialStore again = new CredentialStore(dir.resolve("cfg"));
    assertThat(again.load("http://a:1")).isEqualTo(new WorkerCredentials("w1", "tok1"));
    assertThat(again.load("http://b:2/")).isEqualTo(new WorkerCredentials("w2", "tok2"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())))
        .isEqualTo("rw-------");
    assertThat(Files.readString(store.file())).contains("\"worker_id\"").contains("http://a:1");
    again.remove("http://a:1");
    assertThat(new CredentialStore(dir.resolve("cfg")).load("http://a:1")).isNull();
  }

  @Test
  void configDirFromOptionThenEnvThenHome() {
    assertThat(CredentialStore.resolveConfigDir(Path.of("/x"), Map.of())).isEqualTo(Path.of("/x"));
    assertThat(
            CredentialStore.resolveConfigDir(
                null, Map.of(CredentialStore.ENV_CONFIG_DIR, "/from/env")))
        .isEqualTo(Path.of("/from/env"));
    assertThat(CredentialStore.resolveConfigDir(null, Map.of()).toString())
        .endsWith(".config/xeenet");
  }

  @Test
  void backoffGrowsAndIsBounded() {
    Backoff b = new Backoff(5, 100, 1000);
    assertThat(b.delayMillis(1)).isEqualTo(100);
    assertThat(b.delayMillis(2)).isEqualTo(200);
    assertThat(b.delayMillis(10)).isEqualTo(1000);
    assertThat(Backoff.retryable(new ApiException(503, "x"))).isTrue();
    assertThat(Backoff.retryable(new ApiException(409, "x"))).isFalse();
    assertThat(XeeNetClient.parseRetryAfter("7")).isEqualTo(7);
    assertThat(XeeNetClient.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isNull();
  }
}
