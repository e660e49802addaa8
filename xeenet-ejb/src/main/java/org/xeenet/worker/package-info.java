/**
 * Volunteer workers: registration with their resource profile and training capability, and
 * authentication of their bearer tokens (only the token's SHA-256 is stored).
 */
package org.xeenet.worker;
