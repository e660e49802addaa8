/**
 * Problem documents (RFC 9457): every refusal of the REST API, from the agents' exceptions to the
 * JAX-RS runtime's own, is answered as {@code application/problem+json}.
 */
package org.xeenet.problem.boundary;
