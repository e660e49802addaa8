package org.xeenet.api;

import jakarta.json.bind.annotation.JsonbProperty;

/** Where a task's dataset comes from; {@code url} is served by the same server. */
public record DatasetRef(
    @JsonbProperty("name") String name,
    @JsonbProperty("sha256") String sha256,
    @JsonbProperty("size_bytes") Long sizeBytes,
    @JsonbProperty("url") String url) {}
