/**
 * The campaign report: the question, what was run, the best configuration, what mattered, cost and
 * caveats, as Markdown, CSV (one row per task) or JSON.
 */
package org.xeenet.report;
