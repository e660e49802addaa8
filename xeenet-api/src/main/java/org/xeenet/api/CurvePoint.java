package org.xeenet.api;

import jakarta.json.bind.annotation.JsonbProperty;

/** One point of a learning curve; {@code val_bpb} only where the trainer evaluated. */
public record CurvePoint(
    @JsonbProperty("step") Long step,
    @JsonbProperty("elapsed_s") Double elapsedS,
    @JsonbProperty("train_loss") Double trainLoss,
    @JsonbProperty("val_bpb") Double valBpb) {}
