package org.xeenet.dataset.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.xeenet.dataset.control.ContentHash;
import org.xeenet.dataset.entity.Dataset;

/** The datasets a brief may name; installs the bundled ones into the data directory. */
@Singleton
@Startup
@DependsOn("SchemaInstaller")
@Lock(LockType.READ)
public class DatasetCatalog {
  private static final Logger LOG = Logger.getLogger(DatasetCatalog.class.getName());
  public static final String DEFAULT_DATASET = "tinyshakespeare";
  static final List<String> BUNDLED = List.of(DEFAULT_DATASET);

  @PersistenceContext EntityManager em;

  @Inject
  @ConfigProperty(name = "xeenet.data.dir", defaultValue = "./data")
  String dataDir;

  @PostConstruct
  void installBundled() {
    for (String name : BUNDLED) {
      try {
        install(name);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot install dataset " + name, e);
      }
    }
  }

  private void install(String name) throws IOException {
    Path dir = Path.of(dataDir).toAbsolutePath().resolve("datasets");
    Files.createDirectories(dir);
    Path staged = Files.createTempFile(dir, name, ".part");
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("datasets/" + name + ".txt")) {
      if (in == null) {
        throw new IOException("bundled dataset missing from the class path: " + name);
      }
      Files.copy(in, staged, StandardCopyOption.REPLACE_EXISTING);
    }
    String sha = ContentHash.sha256(staged);
    Path target = dir.resolve(sha);
    Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    long size = Files.size(target);
    Dataset known = em.find(Dataset.class, name);
    if (known == null) {
      em.persist(new Dataset(name, sha, size, target.toString(), Instant.now()));
    } else {
      known.relocate(sha, size, target.toString());
    }
    LOG.info(() -> "dataset " + name + " sha256=" + sha + " (" + size + " bytes)");
  }

  public Optional<Dataset> byName(String name) {
    return Optional.ofNullable(em.find(Dataset.class, name));
  }

  public Optional<Dataset> bySha256(String sha256) {
    return em.createNamedQuery(Dataset.BY_SHA, Dataset.class)
        .setParameter("sha", sha256)
        .getResultStream()
        .findFirst();
  }

  public List<String> names() {
    return em.createQuery("SELECT d.name FROM Dataset d ORDER BY d.name", String.class)
        .getResultList();
  }
}
