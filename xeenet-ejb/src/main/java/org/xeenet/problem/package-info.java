/**
 * The ways a call to the platform can be refused. Boundaries throw these; the REST layer turns each
 * into an RFC 9457 problem document with its HTTP status. Each one rolls back the transaction it
 * escapes from, so a refused call changes nothing.
 */
package org.xeenet.problem;
