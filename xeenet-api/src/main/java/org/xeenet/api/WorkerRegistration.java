package org.xeenet.api;

import jakarta.json.bind.annotation.JsonbProperty;

/** Body of {@code POST /workers}. */
public record WorkerRegistration(
    @JsonbProperty("name") String name,
    @JsonbProperty("resource_profile") ResourceProfile resourceProfile,
    @JsonbProperty("training_capability") TrainingCapability trainingCapability) {}
