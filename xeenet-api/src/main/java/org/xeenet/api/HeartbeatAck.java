package org.xeenet.api;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;

/** Answer to a heartbeat: the new expiry, and whether the worker should stop the task. */
public record HeartbeatAck(
    @JsonbProperty("lease_expires_at") Instant leaseExpiresAt,
    @JsonbProperty("cancel") boolean cancel) {}
