package org.xeenet.portal.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the worker jar the portal offers for download lies: {@code xeenet.worker.jar} when set
 * ({@code ./xeenet server} sets it to the built {@code xeenet-worker/target/xeenet-worker.jar}),
 * else {@code <data dir>/xeenet-worker.jar}. No jar there: the page says how to build one.
 */
@ApplicationScoped
public class WorkerJar {
  @Inject
  @ConfigProperty(name = "xeenet.worker.jar")
  Optional<String> configured;

  @Inject
  @ConfigProperty(name = "xeenet.data.dir", defaultValue = "./data")
  String dataDir;

  public Path path() {
    return configured
        .filter(p -> !p.isBlank())
        .map(Path::of)
        .orElse(Path.of(dataDir).resolve("xeenet-worker.jar"));
  }

  public boolean available() {
    Path p = path();
    return Files.isRegularFile(p) && Files.isReadable(p);
  }

  public long size() {
    try {
      return Files.size(path());
    } catch (java.io.IOException e) {
      return 0;
    }
  }
}
