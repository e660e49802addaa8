package org.xeenet.access.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import org.xeenet.account.control.ApiTokenFormat;
import org.xeenet.worker.boundary.WorkerDirectory;

/**
 * Registered workers' bearer tokens as a Jakarta Security identity store (group {@code worker}).
 * Asked first: workers call far more often than people. Tokens in the API-token format are left to
 * {@link AccountIdentityStore}. Tokens are recognised through the {@link WorkerDirectory}'s
 * short-lived memory, so a worker's poll reads no worker row.
 */
@ApplicationScoped
public class WorkerIdentityStore implements IdentityStore {
  static final String GROUP = "worker";

  @Inject WorkerDirectory workers;

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
