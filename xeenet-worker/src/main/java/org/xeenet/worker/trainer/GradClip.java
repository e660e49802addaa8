package org.xeenet.worker.trainer;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * Global-norm gradient clipping as {@code torch.nn.utils.clip_grad_norm_}: the L2 norm over all
 * gradients together; when it exceeds {@code maxNorm}, every gradient is scaled in place by {@code
 * maxNorm / (norm + 1e-6)}.
 */
public final class GradClip {
  private GradClip() {}

  /** Clips in place; returns the norm before clipping. {@code maxNorm <= 0} disables clipping. */
  public static double clipGlobalNorm(List<NDArray> grads, double maxNorm) {
    double norm = globalNorm(grads);
    if (maxNorm > 0 && norm > maxNorm) {
      float scale = (float) (maxNorm / (norm + 1e-6));
      for (NDArray g : grads) {
        g.muli(scale);
      }
    }
    return norm;
  }

  /** sqrt(sum over all gradients of the sum of their squared elements). */
  public static double globalNorm(List<NDArray> grads) {
    NDArray sumSq = null;
    for (NDArray g : grads) {
      NDArray s = g.square().sum();
      sumSq = sumSq == null ? s : sumSq.addi(s);
    }
    return sumSq == null
        ? 0
        : Math.sqrt(sumSq.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble());
  }
}
