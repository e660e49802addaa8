package org.xeenet.worker.trainer;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;

/**
 * AdamW with two parameter groups, as nanoGPT and most GPT recipes: weight decay on the matrices
 * (parameters with two or more dimensions: linear weights and the embeddings), none on biases and
 * LayerNorm gains/shifts. DJL's {@code Optimizer.adamW()} has a single weight decay, so each group
 * gets its own optimizer sharing one learning-rate tracker.
 */
public final class AdamWGroups {
  private final Optimizer decay;
  private final Optimizer noDecay;
  private final List<Pair<String, Parameter>> params;
  private final boolean[] decays;

  public AdamWGroups(
      List<Pair<String, Parameter>> params,
      Tracker lr,
      float beta1,
      float beta2,
      float weightDecay) {
    this.params = List.copyOf(params);
    this.decay = build(lr, beta1, beta2, weightDecay);
    this.noDecay = build(lr, beta1, beta2, 0f);
    decays = new boolean[params.size()];
    for (int i = 0; i < params.size(); i++) {
      decays[i] = decays(params.get(i).getValue());
    }
  }

  private static Optimizer build(Tracker lr, float b1, float b2, float wd) {
    return Optimizer.adamW()
        .optLearningRateTracker(lr)
        .optBeta1(b1)
        .optBeta2(b2)
        .optEpsilon(1e-8f)
        .optWeightDecays(wd)
        .optClipGrad(-1f)
        .build();
  }

  /** True when this parameter is decayed: a matrix (2+ dimensions), not a bias or a norm. */
  public static boolean decays(Parameter p) {
    Parameter.Type t = p.getType();
    if (t == Parameter.Type.BIAS
        || t == Parameter.Type.GAMMA
        || t == Parameter.Type.BETA
        || t == Parameter.Type.RUNNING_MEAN
        || t == Parameter.Type.RUNNING_VAR) {
      return false;
    }
    return p.getArray().getShape().dimension() >= 2;
  }

  /** Names of the decayed parameters, in model order. */
  public List<String> decayedNames() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < params.size(); i++) {
      if (decays[i]) {
        out.add(params.get(i).getKey());
      }
    }
    return out;
  }

  /** Names of the parameters without weight decay, in model order. */
  public List<String> undecayedNames() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < params.size(); i++) {
      if (!decays[i]) {
        out.add(params.get(i).getKey());
      }
    }
    return out;
  }

  /** One AdamW update of parameter {@code i} with its (already clipped) gradient. */
  public void update(int i, NDArray grad) {
    Pair<String, Parameter> p = params.get(i);
    (decays[i] ? decay : noDecay).update(p.getKey(), p.getValue().getArray(), grad);
  }
}
