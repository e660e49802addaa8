package org.xeenet.worker.trainer;

/**
 * Model FLOPs of one training token, the usual way (Kaplan et al. / PaLM appendix B): 6 × the
 * parameters that take part in matrix multiplies (attention and MLP matrices and the output head;
 * embeddings are lookups) plus 12 × n_layer × n_embd × block_size for the attention scores and
 * their weighted sums, forward and backward. Causal masking is not subtracted (the model computes
 * the full T × T scores).
 */
public final class ModelFlops {
  private ModelFlops() {}

  /** Matrix-multiply parameters: per block 12·d² (qkv 3d², proj d², MLP 8d²) plus the head V·d. */
  public static long matmulParams(TrainerConfig c, int vocab) {
    long d = c.nEmbd();
    return c.nLayer() * 12L * d * d + (long) vocab * d;
  }

  /** All trainable parameters (embeddings, biases and norms included). */
  public static long totalParams(TrainerConfig c, int vocab) {
    long d = c.nEmbd();
    long perBlock = 12L * d * d + 3 * d + d + 4 * d + d + 4L * d; // matrices, biases, 2 LayerNorms
    long head = c.tieWeights() ? 0 : (long) vocab * d;
    return (long) vocab * d + (long) c.blockSize() * d + c.nLayer() * perBlock + 2 * d + head;
  }

  /** Training FLOPs per token (forward + backward). */
  public static double trainFlopsPerToken(TrainerConfig c, int vocab) {
    return 6.0 * matmulParams(c, vocab) + 12.0 * c.nLayer() * c.nEmbd() * c.blockSize();
  }
}
