package org.xeenet.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Lends the platform's persistence unit to modules that cannot name it themselves. In the EAR a
 * persistence unit of the EJB module is invisible to the web module's {@code @PersistenceContext};
 * the web module's read-only queries inject this container-managed, transaction-scoped entity
 * manager instead (it joins the caller's transaction like any other).
 */
@ApplicationScoped
public class PersistenceContextProducer {
  @Produces @PersistenceContext EntityManager entityManager;
}
