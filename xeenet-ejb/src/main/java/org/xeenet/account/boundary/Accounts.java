package org.xeenet.account.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.xeenet.account.control.ApiTokenFormat;
import org.xeenet.account.control.BearerToken;
import org.xeenet.account.control.PasswordPolicy;
import org.xeenet.account.control.SignInLockout;
import org.xeenet.account.control.Usernames;
import org.xeenet.account.entity.Account;
import org.xeenet.account.entity.AccountRole;
import org.xeenet.account.entity.ApiToken;
import org.xeenet.account.entity.Researcher;
import org.xeenet.api.Problem.FieldError;
import org.xeenet.problem.ConflictException;
import org.xeenet.problem.ForbiddenException;
import org.xeenet.problem.NotFoundException;
import org.xeenet.problem.RejectedInputException;

/**
 * Accounts: sign-up and sign-in with a password (Jakarta Security's PBKDF2 hash, lockout after
 * repeated failures), API bearer tokens (created, listed, revoked; only their SHA-256 is kept), and
 * the administrator account of the bootstrap token.
 */
@Singleton
@Startup
@DependsOn("SchemaInstaller")
@Lock(LockType.READ)
public class Accounts {
  private static final Logger LOG = Logger.getLogger(Accounts.class.getName());
  static final String BOOTSTRAP_LABEL = "bootstrap";

  @PersistenceContext EntityManager em;

  @Inject Pbkdf2PasswordHash passwordHash;

  @Inject
  @ConfigProperty(name = "xeenet.data.dir", defaultValue = "./data")
  String dataDir;

  @Inject
  @ConfigProperty(name = "xeenet.bootstrap.token")
  Optional<String> bootstrapToken;

  @Inject
  @ConfigProperty(name = "xeenet.admin.token")
  Optional<String> configuredAdminToken;

  /** Hash compared against when the user name is unknown, so that both cost the same time. */
  private String decoyHash;

  @PostConstruct
  void bootstrapAdministrator() {
    // PBKDF2-HMAC-SHA512 with 210,000 iterations (OWASP 2023), 32-byte salt, 64-byte key
    passwordHash.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "64"));
    decoyHash = passwordHash.generate(BearerToken.generate().toCharArray());
    String token =
        bootstrapToken
            .filter(t -> !t.isBlank())
            .or(() -> configuredAdminToken.filter(t -> !t.isBlank()))
            .map(String::strip)
            .orElseGet(this::storedToken);
    ensureAdministrator(token, Instant.now());
  }

  /**
   * The administrator account holds {@code token} as its bootstrap API token; an earlier bootstrap
   * token is revoked, so that only the configured one opens the account.
   */
  private void ensureAdministrator(String token, Instant now) {
    String sha = BearerToken.sha256(token);
    Optional<ApiToken> existing = activeToken(sha);
    if (existing.isPresent()) {
      Account holder = em.find(Account.class, existing.get().accountId());
      if (holder != null && holder.role() == AccountRole.ADMIN) {
        return;
      }
      throw new IllegalStateException(
          "the bootstrap token is already the token of a non-administrator account");
    }
    Account admin =
        em.createQuery(
                "SELECT a FROM Account a WHERE a.role = :role ORDER BY a.createdAt", Account.class)
            .setParameter("role", AccountRole.ADMIN)
            .setMaxResults(1)
            .getResultStream()
            .findFirst()
            .orElseGet(
                () -> {
                  Researcher researcher = new Researcher("admin", true, now);
                  em.persist(researcher);
                  Account account =
                      new Account(researcher.id(), null, "admin", null, AccountRole.ADMIN, now);
                  em.persist(account);
                  LOG.info("created the administrator account");
                  return account;
                });
    tokensOf(admin.id()).stream()
        .filter(t -> BOOTSTRAP_LABEL.equals(t.label()))
        .forEach(t -> t.revoke(now));
    em.persist(new ApiToken(admin.id(), BOOTSTRAP_LABEL, sha, "", now));
    LOG.info("the administrator account holds the configured bootstrap token");
  }

  // ---- sign-up and sign-in ---------------------------------------------------------------

  /**
   * Opens an account with a password, for the portal's sign-up: a researcher or a volunteer (never
   * an administrator). Every field problem is reported at once.
   */
  public Identity signUp(String username, String displayName, String password, AccountRole role) {
    String name = Usernames.normalise(username);
    List<FieldError> errors = new ArrayList<>();
    Usernames.problem(name).ifPresent(p -> errors.add(new FieldError("username", p)));
    PasswordPolicy.problem(name, password)
        .ifPresent(p -> errors.add(new FieldError("password", p)));
    String shown = displayName == null || displayName.isBlank() ? name : displayName.strip();
    if (shown != null && shown.length() > 200) {
      errors.add(new FieldError("display_name", "must be at most 200 characters"));
    }
    if (role == null || role == AccountRole.ADMIN) {
      errors.add(new FieldError("role", "must be researcher or volunteer"));
    }
    if (errors.isEmpty() && byUsername(name).isPresent()) {
      errors.add(new FieldError("username", "is taken: choose another"));
    }
    if (!errors.isEmpty()) {
      throw new RejectedInputException("the sign-up is invalid", errors);
    }
    Instant now = Instant.now();
    String id = null;
    if (role.researches()) {
      Researcher researcher = new Researcher(shown, false, now);
      em.persist(researcher);
      id = researcher.id();
    }
    Account account =
        new Account(id, name, shown, passwordHash.generate(password.toCharArray()), role, now);
    em.persist(account);
    em.flush(); // a concurrent sign-up with the same name fails here, on the unique constraint
    LOG.info(() -> role + " account " + account.id() + " signed up as '" + name + "'");
    return identity(account);
  }

  /** The outcome of a password sign-in. */
  public enum SignInOutcome {
    SIGNED_IN,
    WRONG,
    LOCKED
  }

  /** A sign-in's outcome and, when it succeeded, who signed in. */
  public record SignIn(SignInOutcome outcome, Identity identity) {}

  /**
   * Checks a user name and password. Five wrong passwords in a row lock the account for 15 minutes;
   * an unknown name costs the same hash as a known one.
   */
  public SignIn signIn(String username, String password) {
    Instant now = Instant.now();
    Optional<Account> found = byUsername(Usernames.normalise(username));
    if (password == null || password.isEmpty() || password.length() > 1024) {
      return new SignIn(SignInOutcome.WRONG, null);
    }
    if (found.isEmpty() || found.get().passwordHash() == null) {
      passwordHash.verify(password.toCharArray(), decoyHash);
      return new SignIn(SignInOutcome.WRONG, null);
    }
    Account account = found.get();
    SignInLockout.State state =
        new SignInLockout.State(account.failedSignIns(), account.lockedUntil());
    if (SignInLockout.locked(state, now)) {
      LOG.warning(() -> "sign-in to locked account " + account.id() + " refused");
      return new SignIn(SignInOutcome.LOCKED, null);
    }
    if (!passwordHash.verify(password.toCharArray(), account.passwordHash())) {
      SignInLockout.State after = SignInLockout.failed(state, now);
      account.signInOutcome(after.failures(), after.lockedUntil());
      if (after.lockedAt(now)) {
        LOG.warning(() -> "account " + account.id() + " locked after repeated wrong passwords");
        return new SignIn(SignInOutcome.LOCKED, null);
      }
      return new SignIn(SignInOutcome.WRONG, null);
    }
    if (account.failedSignIns() != 0 || account.lockedUntil() != null) {
      SignInLockout.State after = SignInLockout.succeeded();
      account.signInOutcome(after.failures(), after.lockedUntil());
    }
    return new SignIn(SignInOutcome.SIGNED_IN, identity(account));
  }

  // ---- API tokens -------------------------------------------------------------------------

  /** The account an active API token belongs to; notes the use. */
  public Optional<Identity> authenticate(String token) {
    if (token == null || token.isBlank() || token.length() > 512) {
      return Optional.empty();
    }
    Optional<ApiToken> found = activeToken(BearerToken.sha256(token));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Account account = em.find(Account.class, found.get().accountId());
    if (account == null) {
      return Optional.empty();
    }
    found.get().used(Instant.now());
    return Optional.of(identity(account));
  }

  /** A just-created API token: the token itself is shown only this once. */
  public record NewToken(
      @JsonbProperty("token_id") String id,
      @JsonbProperty("label") String label,
      @JsonbProperty("token") String token,
      @JsonbProperty("created_at") Instant createdAt) {}

  /** An API token as listed: never the token itself. */
  public record TokenView(
      @JsonbProperty("token_id") String id,
      @JsonbProperty("label") String label,
      @JsonbProperty("prefix") String prefix,
      @JsonbProperty("created_at") Instant createdAt,
      @JsonbProperty("last_used_at") Instant lastUsedAt,
      @JsonbProperty("revoked_at") Instant revokedAt) {

    public boolean revoked() {
      return revokedAt != null;
    }
  }

  /** Creates an API token for the account, labelled so its owner can tell tokens apart. */
  public NewToken createToken(String accountId, String label) {
    Account account = em.find(Account.class, accountId);
    if (account == null) {
      throw new NotFoundException("no account " + accountId);
    }
    String shown = label == null ? "" : label.strip();
    if (shown.isEmpty() || shown.length() > 100) {
      throw new RejectedInputException("label", "must be 1 to 100 characters");
    }
    List<TokenView> active = tokens(accountId).stream().filter(t -> !t.revoked()).toList();
    if (active.size() >= 50) {
      throw new ConflictException("at most 50 active API tokens: revoke one first");
    }
    String token = ApiTokenFormat.generate();
    Instant now = Instant.now();
    ApiToken stored =
        new ApiToken(
            accountId, shown, BearerToken.sha256(token), ApiTokenFormat.shownPrefix(token), now);
    em.persist(stored);
    LOG.info(() -> "API token " + stored.id() + " created for account " + accountId);
    return new NewToken(stored.id(), shown, token, now);
  }

  /** The account's API tokens, newest first, revoked ones included. */
  public List<TokenView> tokens(String accountId) {
    return tokensOf(accountId).stream()
        .map(
            t ->
                new TokenView(
                    t.id(),
                    t.label(),
                    t.tokenPrefix(),
                    t.createdAt(),
                    t.lastUsedAt(),
                    t.revokedAt()))
        .toList();
  }

  /** Revokes one of the account's tokens; another account's token is "not found". */
  public TokenView revokeToken(String accountId, String tokenId) {
    ApiToken token = tokenId == null ? null : em.find(ApiToken.class, tokenId);
    if (token == null || !token.accountId().equals(accountId)) {
      throw new NotFoundException("no API token " + tokenId);
    }
    token.revoke(Instant.now());
    LOG.info(() -> "API token " + tokenId + " of account " + accountId + " revoked");
    return new TokenView(
        token.id(),
        token.label(),
        token.tokenPrefix(),
        token.createdAt(),
        token.lastUsedAt(),
        token.revokedAt());
  }

  // ---- accounts opened by an administrator -------------------------------------------------

  /**
   * Opens a researcher account; only an administrator may. Answers the new account's id and its
   * first API token, which is shown only this once. With a user name and password the account can
   * also sign in to the portal.
   */
  public NewAccount createResearcher(
      String byAccountId, String name, String username, String password) {
    return createAccount(byAccountId, AccountRole.RESEARCHER, name, username, password);
  }

  /** Opens a volunteer account, as {@link #createResearcher} does (scripts, tests). */
  public NewAccount createVolunteer(
      String byAccountId, String name, String username, String password) {
    return createAccount(byAccountId, AccountRole.VOLUNTEER, name, username, password);
  }

  private NewAccount createAccount(
      String byAccountId, AccountRole role, String name, String username, String password) {
    Account by = em.find(Account.class, byAccountId);
    if (by == null || by.role() != AccountRole.ADMIN) {
      throw new ForbiddenException("only an administrator opens accounts");
    }
    List<FieldError> errors = new ArrayList<>();
    if (name == null || name.isBlank() || name.length() > 200) {
      errors.add(new FieldError("name", "must be 1 to 200 characters"));
    }
    String login = Usernames.normalise(username);
    if (login != null || password != null) {
      Usernames.problem(login).ifPresent(p -> errors.add(new FieldError("username", p)));
      PasswordPolicy.problem(login, password)
          .ifPresent(p -> errors.add(new FieldError("password", p)));
      if (errors.isEmpty() && byUsername(login).isPresent()) {
        errors.add(new FieldError("username", "is taken: choose another"));
      }
    }
    if (!errors.isEmpty()) {
      throw new RejectedInputException("the account is invalid", errors);
    }
    Instant now = Instant.now();
    String id = null;
    if (role.researches()) {
      Researcher researcher = new Researcher(name.strip(), false, now);
      em.persist(researcher);
      id = researcher.id();
    }
    Account account =
        new Account(
            id,
            login,
            name.strip(),
            password == null ? null : passwordHash.generate(password.toCharArray()),
            role,
            now);
    em.persist(account);
    String token = ApiTokenFormat.generate();
    em.persist(
        new ApiToken(
            account.id(),
            "first token",
            BearerToken.sha256(token),
            ApiTokenFormat.shownPrefix(token),
            now));
    em.flush();
    LOG.info(
        () -> role + " account " + account.id() + " opened for '" + account.displayName() + "'");
    return new NewAccount(account.id(), account.displayName(), token);
  }

  /** Opens a researcher account without a sign-in; see {@link #createResearcher}. */
  public NewAccount createResearcher(String byAccountId, String name) {
    return createResearcher(byAccountId, name, null, null);
  }

  /** A just-opened account with its one-time token. */
  public record NewAccount(String id, String name, String token) {}

  // ---- look-ups ---------------------------------------------------------------------------

  /** The researcher row of a researcher or administrator account. */
  public Optional<Researcher> find(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(em.find(Researcher.class, id));
  }

  /** Who an account is, e.g. to restore a signed-in portal session. */
  public Optional<Identity> identity(String accountId) {
    return accountId == null
        ? Optional.empty()
        : Optional.ofNullable(em.find(Account.class, accountId)).map(Accounts::identity);
  }

  /** The researcher or administrator account with this user name. */
  public Optional<Identity> researcherByUsername(String username) {
    return byUsername(Usernames.normalise(username))
        .filter(a -> a.role().researches())
        .map(Accounts::identity);
  }

  private static Identity identity(Account account) {
    return new Identity(account.id(), account.username(), account.displayName(), account.role());
  }

  private Optional<Account> byUsername(String username) {
    if (username == null || username.isEmpty()) {
      return Optional.empty();
    }
    return em.createNamedQuery(Account.BY_USERNAME, Account.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }

  private Optional<ApiToken> activeToken(String sha) {
    return em.createNamedQuery(ApiToken.BY_SHA, ApiToken.class)
        .setParameter("sha", sha)
        .getResultStream()
        .findFirst();
  }

  private List<ApiToken> tokensOf(String accountId) {
    return em.createNamedQuery(ApiToken.OF_ACCOUNT, ApiToken.class)
        .setParameter("account", accountId)
        .getResultList();
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
