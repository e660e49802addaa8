package org.xeenet.api;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/** What a worker can train with. */
public record TrainingCapability(
    @JsonbProperty("runtime") String runtime,
    @JsonbProperty("engine") String engine,
    @JsonbProperty("engine_version") String engineVersion,
    @JsonbProperty("has_natives") Boolean hasNatives,
    @JsonbProperty("has_cuda") Boolean hasCuda,
    @JsonbProperty("code_packages") List<String> codePackages) {}
