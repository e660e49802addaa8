package org.xeenet.api;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;

/**
 * Answer of {@code PUT /leases/{lease_id}/checkpoint} (201 the first time, 200 for the same bytes
 * again): the stored checkpoint of the lease's result.
 */
public record CheckpointReceipt(
    @JsonbProperty("lease_id") String leaseId,
    @JsonbProperty("task_id") String taskId,
    @JsonbProperty("sha256") String sha256,
    @JsonbProperty("bytes") long bytes,
    @JsonbProperty("stored_at") Instant storedAt) {}
