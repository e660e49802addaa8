package org.xeenet.api;

import jakarta.json.bind.annotation.JsonbProperty;

/** Optional progress carried by a heartbeat. */
public record Heartbeat(
    @JsonbProperty("step") Long step, @JsonbProperty("train_loss") Double trainLoss) {}
