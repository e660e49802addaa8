/**
 * Campaigns: a researcher's brief, validated, turned into a campaign whose tasks a batch job
 * expands, and its lifecycle (expanding, running, paused, cancelled, completed).
 */
package org.xeenet.campaign;
