/**
 * Checkpoints: the final weights a worker uploads with its result ({@code PUT
 * /leases/{lease_id}/checkpoint}), checked against the hash the result names, kept under the data
 * directory by hash, and served to verifiers and to promoted (resumed) runs.
 */
package org.xeenet.checkpoint;
