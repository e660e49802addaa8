package org.xeenet.api;

import jakarta.json.bind.annotation.JsonbProperty;

/** What a worker's machine offers. GPU fields are null when there is no GPU. */
public record ResourceProfile(
    @JsonbProperty("cpu_cores") Integer cpuCores,
    @JsonbProperty("ram_gb") Double ramGb,
    @JsonbProperty("gpu_name") String gpuName,
    @JsonbProperty("gpu_vram_gb") Double gpuVramGb,
    @JsonbProperty("os") String os,
    @JsonbProperty("arch") String arch,
    @JsonbProperty("benchmark_tokens_per_s") Double benchmarkTokensPerS) {}
