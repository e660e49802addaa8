package org.xeenet.api;

import jakarta.json.bind.annotation.JsonbProperty;

/** Answer of {@code POST /workers}: the token is shown once and must be kept by the worker. */
public record WorkerCredentials(
    @JsonbProperty("worker_id") String workerId, @JsonbProperty("token") String token) {}
