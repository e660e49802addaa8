package org.xeenet.api;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;

/** Answer of {@code POST /workers/{id}/lease} when there is work. */
public record LeaseGrant(
    @JsonbProperty("lease_id") String leaseId,
    @JsonbProperty("lease_expires_at") Instant leaseExpiresAt,
    @JsonbProperty("task") TaskSpec task) {}
