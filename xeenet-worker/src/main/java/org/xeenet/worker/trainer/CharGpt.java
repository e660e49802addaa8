package org.xeenet.worker.trainer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * A GPT-style character language model: token embedding plus learned position embedding, {@code
 * n_layer} pre-norm blocks, a final LayerNorm and a linear head to the vocabulary. Input: token ids
 * (B, T) int64; output: logits (B, T, V). With {@code tie_weights} the head is the transposed token
 * embedding (no parameters of its own).
 */
public final class CharGpt extends AbstractBlock {
  private final int vocab;
  private final int nEmbd;
  private final int blockSize;
  private final Parameter wte;
  private final Parameter wpe;
  private final Dropout drop;
  private final List<GptBlock> blocks = new ArrayList<>();
  private final LayerNorm lnF;
  private final Linear head;
  private final boolean tied;

  public CharGpt(int vocab, TrainerConfig cfg) {
    this.vocab = vocab;
    this.nEmbd = cfg.nEmbd();
    this.blockSize = cfg.blockSize();
    float p = (float) cfg.dropout();
    wte =
        addParameter(
            Parameter.builder()
                .setName("wte")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(vocab, nEmbd))
                .build());
    wpe =
        addParameter(
            Parameter.builder()
                .setName("wpe")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(blockSize, nEmbd))
                .build());
    drop = addChildBlock("drop", Dropout.builder().optRate(p).build());
    for (int i = 0; i < cfg.nLayer(); i++) {
      blocks.add(addChildBlock("h" + i, new GptBlock(cfg.nHead(), nEmbd, p)));
    }
    lnF = addChildBlock("ln_f", LayerNorm.builder().axis(2).build());
    tied = cfg.tieWeights();
    head =
        tied
            ? null
            : addChildBlock("head", Linear.builder().setUnits(vocab).optBias(false).build());
  }

  /** True when the output head reuses the token embedding matrix (weight tying). */
  public boolean tied() {
    return tied;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray idx = inputs.singletonOrThrow();
    long t = idx.getShape().get(1);
    if (t > blockSize) {
      throw new IllegalArgumentException("sequence length " + t + " > block_size " + blockSize);
    }
    NDArray tokEmb = ps.getValue(wte, idx.getDevice(), training);
    NDArray posEmb = ps.getValue(wpe, idx.getDevice(), training);
    NDArray x = Embedding.embedding(idx, tokEmb, SparseFormat.DENSE).singletonOrThrow();
    if (t == blockSize) {
      x = x.add(posEmb);
    } else {
      NDArray slice = posEmb.get(new NDIndex(":{}", t));
      slice.attach(idx.getManager());
      x = x.add(slice);
    }
    x = drop.forward(ps, new NDList(x), training).singletonOrThrow();
    for (GptBlock b : blocks) {
      x = b.forward(ps, new NDList(x), training).singletonOrThrow();
    }
    x = lnF.forward(ps, new NDList(x), training).singletonOrThrow();
    if (tied) {
      return new NDList(x.matMul(tokEmb.transpose()));
    }
    return head.forward(ps, new NDList(x), training);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape in = inputShapes[0];
    return new Shape[] {new Shape(in.get(0), in.get(1), vocab)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
    Shape hidden = new Shape(shapes[0].get(0), shapes[0].get(1), nEmbd);
    drop.initialize(manager, dataType, hidden);
    for (GptBlock b : blocks) {
      b.initialize(manager, dataType, hidden);
    }
    lnF.initialize(manager, dataType, hidden);
    if (head != null) {
      head.initialize(manager, dataType, hidden);
    }
  }
}
