/**
 * Expansion of a brief into tasks by the {@code expand-brief} Jakarta Batch job (reader: task
 * indexes; processor: the campaign's sampler; writer: JDBC batch inserts of queued task rows), in
 * parallel partitions of index ranges, started once the campaign is committed and started again for
 * campaigns a crash left half-expanded.
 */
package org.xeenet.expansion;
