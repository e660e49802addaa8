/**
 * The research assistant: answers a researcher's questions about a campaign (best configuration,
 * what mattered, why a task did badly, what to try next, progress) or proposes a brief, from the
 * campaign's own data with deterministic analyses; short answer first, details to drill into.
 */
package org.xeenet.assistant;
