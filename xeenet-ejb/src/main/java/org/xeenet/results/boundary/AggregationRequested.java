package org.xeenet.results.boundary;

/** A researcher asked for a campaign's results to be aggregated again; the job starts on commit. */
public record AggregationRequested(String campaignId) {}
