/**
 * Results of a campaign, aggregated by the {@code aggregate-results} batch job when it ends or on
 * demand: best configuration with seed and curve, top-k, per-parameter effects, parameter
 * importance and learning curves, stored and served to the researcher.
 */
package org.xeenet.results;
