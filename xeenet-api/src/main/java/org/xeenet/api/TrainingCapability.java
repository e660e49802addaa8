package org.xeenet.api;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/**
 * What a worker can train with. {@code task_kinds} (an addition to v1) lists the kinds of work
 * besides training the worker runs: {@code verify}, {@code replicate} (see {@link TaskSpec}).
 */
public record TrainingCapability(
    @JsonbProperty("runtime") String runtime,
    @JsonbProperty("engine") String engine,
    @JsonbProperty("engine_version") String engineVersion,
    @JsonbProperty("has_natives") Boolean hasNatives,
    @JsonbProperty("has_cuda") Boolean hasCuda,
    @JsonbProperty("code_packages") List<String> codePackages,
    @JsonbProperty("task_kinds") List<String> taskKinds) {

  @JsonbCreator
  public TrainingCapability {}

  /** A capability without check kinds. */
  public TrainingCapability(
      String runtime,
      String engine,
      String engineVersion,
      Boolean hasNatives,
      Boolean hasCuda,
      List<String> codePackages) {
    this(runtime, engine, engineVersion, hasNatives, hasCuda, codePackages, null);
  }
}
