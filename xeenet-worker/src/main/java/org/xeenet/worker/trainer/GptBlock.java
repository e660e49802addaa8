package org.xeenet.worker.trainer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** One pre-norm transformer block: x + attn(ln1(x)), then x + mlp(ln2(x)) with a GELU MLP. */
public final class GptBlock extends AbstractBlock {
  private final int nEmbd;
  private final LayerNorm ln1;
  private final CausalSelfAttention attn;
  private final LayerNorm ln2;
  private final Linear fc;
  private final Linear proj;
  private final Dropout drop;

  public GptBlock(int nHead, int nEmbd, float dropout) {
    this.nEmbd = nEmbd;
    ln1 = addChildBlock("ln1", LayerNorm.builder().axis(2).build());
    attn = addChildBlock("attn", new CausalSelfAttention(nHead, nEmbd, dropout));
    ln2 = addChildBlock("ln2", LayerNorm.builder().axis(2).build());
    fc = addChildBlock("fc", Linear.builder().setUnits(4L * nEmbd).build());
    proj = addChildBlock("proj", Linear.builder().setUnits(nEmbd).build());
    drop = addChildBlock("drop", Dropout.builder().optRate(dropout).build());
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    NDArray h = ln1.forward(ps, new NDList(x), training).singletonOrThrow();
    h = attn.forward(ps, new NDList(h), training).singletonOrThrow();
    x = x.add(h);
    h = ln2.forward(ps, new NDList(x), training).singletonOrThrow();
    h = fc.forward(ps, new NDList(h), training).singletonOrThrow();
    h = Activation.gelu(h);
    h = proj.forward(ps, new NDList(h), training).singletonOrThrow();
    h = drop.forward(ps, new NDList(h), training).singletonOrThrow();
    return new NDList(x.add(h));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
    Shape in = shapes[0];
    ln1.initialize(manager, dataType, in);
    attn.initialize(manager, dataType, in);
    ln2.initialize(manager, dataType, in);
    fc.initialize(manager, dataType, in);
    proj.initialize(manager, dataType, new Shape(in.get(0), in.get(1), 4L * nEmbd));
    drop.initialize(manager, dataType, in);
  }
}
