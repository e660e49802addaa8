/**
 * Cluster-wide state on Payara's data grid (Hazelcast), when the instances run clustered: the grid
 * itself ({@code DataGrid}: members, compare-and-set on shared maps) and the broadcast of campaign
 * state changes to every instance ({@code CampaignBroadcast}). Without the grid (a single instance,
 * {@code --nohazelcast}) everything stays local and behaves the same on one instance.
 */
package org.xeenet.cluster;
