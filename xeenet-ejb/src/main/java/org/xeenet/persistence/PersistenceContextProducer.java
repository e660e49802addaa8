package org.xeenet.persistence;

import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Lends the platform's persistence unit to modules that cannot name it themselves. In the EAR a
 * persistence unit of the EJB module is invisible to the web module; an entity manager injected
 * into this session bean resolves its unit in this module wherever it is used, so the web module's
 * read-only queries inject the one this producer hands out (container-managed and
 * transaction-scoped: it joins the caller's transaction like any other).
 */
@Stateless
public class PersistenceContextProducer {
  @PersistenceContext EntityManager entityManager;

  @Produces
  public EntityManager entityManager() {
    return entityManager;
  }
}
