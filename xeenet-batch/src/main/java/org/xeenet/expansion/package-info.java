/**
 * Expansion of a brief into tasks by the {@code expand-brief} Jakarta Batch job (reader: task
 * indexes; processor: {@code CharLMConfigGenerator}; writer: the task queue), started once the
 * campaign is committed and started again for campaigns a crash left half-expanded.
 */
package org.xeenet.expansion;
