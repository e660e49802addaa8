package org.xeenet.access.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;
import org.xeenet.account.boundary.Accounts;
import org.xeenet.account.boundary.Identity;

/**
 * Accounts as a Jakarta Security identity store: user name and password (portal sign-in, with
 * lockout) and API bearer tokens. The caller's name is the account id; its groups are its roles
 * ({@code researcher}, {@code volunteer}, {@code admin}).
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {
  @EJB Accounts accounts;

  @Inject SignInAttempt attempt;

  public CredentialValidationResult validate(UsernamePasswordCredential credential) {
    Accounts.SignIn signIn =
        accounts.signIn(credential.getCaller(), credential.getPasswordAsString());
    attempt.record(signIn.outcome());
    return signIn.outcome() == Accounts.SignInOutcome.SIGNED_IN
        ? result(signIn.identity())
        : CredentialValidationResult.INVALID_RESULT;
  }

  public CredentialValidationResult validate(BearerTokenCredential credential) {
    Optional<Identity> identity = accounts.authenticate(credential.token());
    return identity
        .map(AccountIdentityStore::result)
        .orElse(CredentialValidationResult.INVALID_RESULT);
  }

  static CredentialValidationResult result(Identity identity) {
    return new CredentialValidationResult(identity.id(), identity.groups());
  }

  @Override
  public int priority() {
    return 20;
  }
}
