package org.xeenet.api;

import jakarta.json.bind.annotation.JsonbProperty;

/** Answer to a result: whether it was accepted and the task's status after it. */
public record ResultAck(
    @JsonbProperty("accepted") boolean accepted, @JsonbProperty("status") String status) {}
