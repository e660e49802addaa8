package org.xeenet.worker.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.xeenet.worker.client.CredentialStore;
import org.xeenet.worker.lease.VolunteerControls;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pause} / {@code resume}: from a second terminal, hold or release new tasks. */
public final class PauseCommand {
  private PauseCommand() {}

  static Path dir(Path configDir) {
    return CredentialStore.resolveConfigDir(configDir, System.getenv());
  }

  /** pause. */
  @Command(
      name = "pause",
      mixinStandardHelpOptions = true,
      description = "Take no new task (the running one finishes) until 'resume'.")
  public static final class Pause implements Callable<Integer> {
    @Option(names = "--config-dir", description = "As for run.")
    Path configDir;

    @Override
    public Integer call() throws Exception {
      Path d = dir(configDir);
      Files.createDirectories(d);
      Path f = VolunteerControls.pauseFile(d);
      if (!Files.exists(f)) {
        Files.writeString(f, java.time.Instant.now() + "\n");
      }
      System.out.println("paused: the worker takes no new task (" + f + ")");
      return 0;
    }
  }

  /** resume. */
  @Command(name = "resume", mixinStandardHelpOptions = true, description = "Undo 'pause'.")
  public static final class Resume implements Callable<Integer> {
    @Option(names = "--config-dir", description = "As for run.")
    Path configDir;

    @Override
    public Integer call() throws Exception {
      Files.deleteIfExists(VolunteerControls.pauseFile(dir(configDir)));
      System.out.println("resumed");
      return 0;
    }
  }
}
