package org.xeenet.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xeenet.api.WorkerCredentials;
import org.xeenet.worker.client.CredentialStore;

class StatusCreditsTest {
  private static final String SERVER = "http://127.0.0.1:1";

  private static Map<String, Object> account() {
    return Map.of(
        "role",
        "worker",
        "worker_id",
        "w1",
        "balance_credits",
        12.5,
        "credits_earned",
        14.5,
        "credits_clawed_back",
        2,
        "tasks_validated",
        3,
        "reputation",
        0.9,
        "quarantined",
        false);
  }

  @Test
  void asksWithTheStoredTokenAndDescribes(@TempDir Path cfg) throws Exception {
    new CredentialStore(cfg).save(SERVER, new WorkerCredentials("w1", "tok-1"));
    AtomicReference<WorkerCredentials> used = new AtomicReference<>();
    StatusCredits.Shown s =
        StatusCredits.fetch(
            cfg,
            SERVER,
            c -> {
              used.set(c);
              return account();
            });
    assertThat(used.get().token()).isEqualTo("tok-1");
    assertThat(s.error()).isNull();
    assertThat(StatusCredits.describe(s))
        .isEqualTo("14.5 (balance 12.5, clawed back 2, 3 tasks validated, reputation 0.90)");
    assertThat(cfg.resolve(StatusCredits.FILE)).exists();
  }

  @Test
  void serverDownShowsTheLastKnownFiguresWithTheirDate(@TempDir Path cfg) throws Exception {
    new CredentialStore(cfg).save(SERVER, new WorkerCredentials("w1", "tok-1"));
    StatusCredits.fetch(cfg, SERVER, c -> account());
    // the real client against a closed port: connection refused
    StatusCredits.Shown s = StatusCredits.fetch(cfg, SERVER);
    assertThat(((Number) s.account().get("tasks_validated")).intValue()).isEqualTo(3);
    assertThat(s.error()).startsWith("server unreachable: ");
    assertThat(StatusCredits.describe(s))
        .startsWith("14.5 (balance 12.5")
        .contains(" as of " + s.fetchedAt() + "; server unreachable: ");
  }

  @Test
  void nothingKnown(@TempDir Path cfg) {
    StatusCredits.Shown s = StatusCredits.fetch(cfg, SERVER);
    assertThat(s.account()).isNull();
    assertThat(StatusCredits.describe(s))
        .isEqualTo("unknown (this worker is not registered with " + SERVER + ")");
  }
}
