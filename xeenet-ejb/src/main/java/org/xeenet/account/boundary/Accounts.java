package org.xeenet.account.boundary;

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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.xeenet.account.control.BearerToken;
import org.xeenet.account.entity.Researcher;
import org.xeenet.problem.ForbiddenException;
import org.xeenet.problem.RejectedInputException;

/** Researcher accounts: authentication by bearer token and the first administrator. */
@Singleton
@Startup
@DependsOn("SchemaInstaller")
@Lock(LockType.READ)
public class Accounts {
  private static final Logger LOG = Logger.getLogger(Accounts.class.getName());

  @PersistenceContext EntityManager em;

  @Inject
  @ConfigProperty(name = "xeenet.data.dir", defaultValue = "./data")
  String dataDir;

  @Inject
  @ConfigProperty(name = "xeenet.admin.token")
  Optional<String> configuredAdminToken;

  @PostConstruct
  void bootstrapAdministrator() {
    String token = configuredAdminToken.filter(t -> !t.isBlank()).orElseGet(this::storedToken);
    String sha = BearerToken.sha256(token);
    if (findByTokenSha(sha).isEmpty()) {
      em.persist(new Researcher("admin", sha, true, Instant.now()));
      LOG.info("created the administrator researcher account");
    }
  }

  /**
   * Opens a researcher account; only an administrator may. Answers the new account's id and its
   * bearer token, which is shown only this once.
   */
  public NewAccount createResearcher(String byResearcherId, String name) {
    Researcher by = em.find(Researcher.class, byResearcherId);
    if (by == null || !by.admin()) {
      throw new ForbiddenException("only an administrator opens researcher accounts");
    }
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new RejectedInputException("name", "must be 1 to 200 characters");
    }
    String token = BearerToken.generate();
    Researcher researcher =
        new Researcher(name.strip(), BearerToken.sha256(token), false, Instant.now());
    em.persist(researcher);
    LOG.info(
        () -> "researcher account " + researcher.id() + " opened for '" + researcher.name() + "'");
    return new NewAccount(researcher.id(), researcher.name(), token);
  }

  /** A just-opened account with its one-time token. */
  public record NewAccount(String id, String name, String token) {}

  /** The researcher a bearer token belongs to. */
  public Optional<Researcher> authenticate(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    return findByTokenSha(BearerToken.sha256(token));
  }

  public Optional<Researcher> find(String id) {
    return Optional.ofNullable(em.find(Researcher.class, id));
  }

  private Optional<Researcher> findByTokenSha(String sha) {
    return em.createNamedQuery(Researcher.BY_TOKEN, Researcher.class)
        .setParameter("sha", sha)
        .getResultStream()
        .findFirst();
  }

  private String storedToken() {
    Path file = Path.of(dataDir).toAbsolutePath().resolve("admin-token");
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
      }
      Files.createDirectories(file.getParent());
      String token = BearerToken.generate();
      Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        LOG.warning("cannot restrict permissions of " + file);
      }
      LOG.info("administrator token written to " + file);
      return token;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
