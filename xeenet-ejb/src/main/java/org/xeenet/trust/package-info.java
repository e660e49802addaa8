/**
 * Trust: plausibility checks of results, reputation per worker (derived from trust events),
 * quarantine below a threshold, and the trust side of clawbacks. Workers are semi-trusted.
 */
package org.xeenet.trust;
