package org.xeenet.access.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import org.xeenet.account.control.ApiTokenFormat;
import org.xeenet.worker.boundary.WorkerRegistry;

/**
 * Registered workers' bearer tokens as a Jakarta Security identity store (group {@code worker}).
 * Asked first: workers call far more often than people. Tokens in the API-token format are left to
 * {@link AccountIdentityStore}.
 */
@ApplicationScoped
public class WorkerIdentityStore implements IdentityStore {
  static final String GROUP = "worker";

  @EJB WorkerRegistry workers;

  public CredentialValidationResult validate(BearerTokenCredential credential) {
    if (ApiTokenFormat.isApiToken(credential.token())) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    return workers
        .authenticate(credential.token())
        .map(w -> new CredentialValidationResult(w.id(), Set.of(GROUP)))
        .orElse(CredentialValidationResult.NOT_VALIDATED_RESULT);
  }

  @Override
  public int priority() {
    return 10;
  }
}
