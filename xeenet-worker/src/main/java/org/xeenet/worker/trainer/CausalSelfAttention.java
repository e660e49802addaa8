package org.xeenet.worker.trainer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Multi-head causal self-attention. The additive causal mask ({@code -1e9} above the diagonal) is
 * computed once per sequence length as a float array; each forward pass copies it into the input's
 * manager so nothing outlives the step.
 */
public final class CausalSelfAttention extends AbstractBlock {
  private final int nHead;
  private final int nEmbd;
  private final Linear qkv;
  private final Linear proj;
  private final Dropout attnDrop;
  private final Dropout residDrop;
  private float[] mask;
  private int maskLen = -1;
  // the mask as a tensor, built once per (length, device, type) in a manager of its own that
  // lives as long as this block: no per-step copy from a Java buffer
  private NDManager maskManager;
  private NDArray maskTensor;

  public CausalSelfAttention(int nHead, int nEmbd, float dropout) {
    this.nHead = nHead;
    this.nEmbd = nEmbd;
    qkv = addChildBlock("qkv", Linear.builder().setUnits(3L * nEmbd).build());
    proj = addChildBlock("proj", Linear.builder().setUnits(nEmbd).build());
    attnDrop = addChildBlock("attn_drop", Dropout.builder().optRate(dropout).build());
    residDrop = addChildBlock("resid_drop", Dropout.builder().optRate(dropout).build());
  }

  /** The additive causal mask for {@code t} positions, row major, built once per length. */
  static float[] causalMask(int t) {
    float[] m = new float[t * t];
    for (int i = 0; i < t; i++) {
      for (int j = i + 1; j < t; j++) {
        m[i * t + j] = -1e9f;
      }
    }
    return m;
  }

  private synchronized float[] mask(int t) {
    if (maskLen != t) {
      mask = causalMask(t);
      maskLen = t;
    }
    return mask;
  }

  private synchronized NDArray maskTensor(NDArray like, int t, DataType type) {
    if (maskTensor == null
        || maskLen != t
        || !maskTensor.getDevice().equals(like.getDevice())
        || maskTensor.getDataType() != type) {
      if (maskManager == null) {
        maskManager = like.getManager().getEngine().newBaseManager(like.getDevice());
      }
      if (maskTensor != null) {
        maskTensor.close();
      }
      NDArray m = maskManager.create(mask(t), new Shape(t, t));
      maskTensor = type == DataType.FLOAT32 ? m : m.toType(type, false);
    }
    return maskTensor;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    Shape s = x.getShape();
    long b = s.get(0);
    long t = s.get(1);
    long hd = nEmbd / nHead;
    NDArray qkvOut = qkv.forward(ps, new NDList(x), training).singletonOrThrow();
    NDArray heads = qkvOut.reshape(b, t, 3, nHead, hd).transpose(2, 0, 3, 1, 4);
    NDArray q = heads.get(0);
    NDArray k = heads.get(1);
    NDArray v = heads.get(2);
    NDArray att = q.matMul(k.transpose(0, 1, 3, 2)).mul(1.0f / (float) Math.sqrt(hd));
    att = att.add(maskTensor(x, (int) t, att.getDataType())).softmax(-1);
    att = attnDrop.forward(ps, new NDList(att), training).singletonOrThrow();
    NDArray y = att.matMul(v).transpose(0, 2, 1, 3).reshape(b, t, nEmbd);
    y = proj.forward(ps, new NDList(y), training).singletonOrThrow();
    return residDrop.forward(ps, new NDList(y), training);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
    Shape in = shapes[0];
    qkv.initialize(manager, dataType, in);
    proj.initialize(manager, dataType, in);
    attnDrop.initialize(manager, dataType, in);
    residDrop.initialize(manager, dataType, in);
  }
}
