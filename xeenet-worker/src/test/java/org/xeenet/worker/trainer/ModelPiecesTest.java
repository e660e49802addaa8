package org.xeenet.worker.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The model's pieces against known values: clipping, decay groups, init, a fixed-weight pass. */
class ModelPiecesTest {

  static TrainerConfig cfg(int layers, int heads, int embd, int block, int batch) {
    Map<String, Object> m = TestData.tinyConfig();
    m.put("n_layer", layers);
    m.put("n_head", heads);
    m.put("n_embd", embd);
    m.put("block_size", block);
    m.put("batch_size", batch);
    return TrainerConfig.parse(m);
  }

  static List<Pair<String, Parameter>> params(CharGpt gpt) {
    List<Pair<String, Parameter>> out = new ArrayList<>();
    gpt.getParameters().forEach(out::add);
    return out;
  }

  @Test
  void globalNormClipMatchesTorch() {
    try (NDManager m = NDManager.newBaseManager("PyTorch")) {
      NDArray a = m.create(new float[] {3f, 0f});
      NDArray b = m.create(new float[] {0f, 4f});
      // torch.nn.utils.clip_grad_norm_([a, b], 1.0) -> returns 5, scales by 1/(5+1e-6)
      double norm = GradClip.clipGlobalNorm(List.of(a, b), 1.0);
      assertThat(norm).isCloseTo(5.0, within(1e-6));
      assertThat(a.toFloatArray()[0]).isCloseTo(0.6f, within(1e-5f));
      assertThat(b.toFloatArray()[1]).isCloseTo(0.8f, within(1e-5f));
      assertThat(GradClip.globalNorm(List.of(a, b))).isCloseTo(1.0, within(1e-5));
      // below the threshold: untouched
      NDArray c = m.create(new float[] {0.3f, 0.4f});
      assertThat(GradClip.clipGlobalNorm(List.of(c), 1.0)).isCloseTo(0.5, within(1e-6));
      assertThat(c.toFloatArray()).containsExactly(0.3f, 0.4f);
      // disabled
      NDArray d = m.create(new float[] {30f, 40f});
      GradClip.clipGlobalNorm(List.of(d), 0);
      assertThat(d.toFloatArray()).containsExactly(30f, 40f);
    }
  }

  @Test
  void weightDecayOnlyOnMatricesAndInitIsPyTorchLike() {
    TrainerConfig c = cfg(2, 2, 32, 16, 4);
    try (Model model = Model.newInstance("t", "PyTorch")) {
      CharGpt gpt = new CharGpt(65, c);
      gpt.setInitializer(new NormalInitializer(0.02f), Parameter.Type.WEIGHT);
      model.setBlock(gpt);
      NDManager mm = model.getNDManager();
      gpt.initialize(mm, DataType.FLOAT32, new Shape(4, 16));
      List<Pair<String, Parameter>> ps = params(gpt);
      AdamWGroups opt = new AdamWGroups(ps, n -> 0.1f, 0.9f, 0.99f, 0.5f);

      assertThat(opt.decayedNames())
          .contains("wte", "wpe")
          .allMatch(n -> n.endsWith("weight") || n.equals("wte") || n.equals("wpe"));
      assertThat(opt.decayedNames()).anyMatch(n -> n.contains("qkv"));
      assertThat(opt.decayedNames()).anyMatch(n -> n.contains("head"));
      assertThat(opt.undecayedNames())
          .isNotEmpty()
          .allMatch(n -> n.endsWith("bias") || n.endsWith("gamma") || n.endsWith("beta"));
      assertThat(opt.decayedNames().size() + opt.undecayedNames().size()).isEqualTo(ps.size());

      // init: normal(0, 0.02) weights, zero biases, LayerNorm 1 / 0
      for (Pair<String, Parameter> p : ps) {
        NDArray a = p.getValue().getArray();
        String n = p.getKey();
        if (n.endsWith("bias") || n.endsWith("beta")) {
          assertThat(a.abs().max().getFloat()).as(n).isZero();
        } else if (n.endsWith("gamma")) {
          assertThat(a.sub(1).abs().max().getFloat()).as(n).isZero();
        } else {
          float std = a.sub(a.mean()).square().mean().sqrt().getFloat();
          assertThat(std).as(n).isCloseTo(0.02f, within(0.003f));
        }
      }

      // one AdamW update with zero gradients: decayed matrices shrink, gains stay
      for (int i = 0; i < ps.size(); i++) {
        Pair<String, Parameter> p = ps.get(i);
        NDArray w = p.getValue().getArray();
        NDArray before = w.duplicate();
        try (NDManager sub = mm.newSubManager()) {
          NDArray g = sub.zeros(w.getShape());
          opt.update(i, g);
        }
        boolean changed = !w.contentEquals(before);
        if (p.getKey().endsWith("gamma")) {
          assertThat(changed).as(p.getKey()).isFalse();
        }
        if (p.getKey().equals("wte") || p.getKey().contains("qkv_weight")) {
          assertThat(changed).as(p.getKey()).isTrue();
          assertThat(w.abs().sum().getFloat()).isLessThan(before.abs().sum().getFloat());
        }
        before.close();
      }
    }
  }

  @Test
  void lossAtInitIsLnVocab() throws Exception {
    CharDataset data = CharDataset.load(TestData.dataset());
    TrainerConfig c = cfg(2, 4, 64, 32, 16);
    try (Model model = Model.newInstance("t", "PyTorch")) {
      ai.djl.engine.Engine.getEngine("PyTorch").setRandomSeed(3);
      CharGpt gpt = new CharGpt(data.vocabSize(), c);
      gpt.setInitializer(new NormalInitializer(0.02f), Parameter.Type.WEIGHT);
      model.setBlock(gpt);
      NDManager mm = model.getNDManager();
      gpt.initialize(mm, DataType.FLOAT32, new Shape(16, 32));
      CharDataset.Batch b = data.valBatch(0, 4, 16, 32);
      try (NDManager sub = mm.newSubManager()) {
        NDArray x = sub.create(b.inputs(), new Shape(16, 32));
        NDArray y = sub.create(b.targets(), new Shape(16 * 32));
        NDArray logits =
            gpt.forward(new ParameterStore(sub, false), new NDList(x), false).singletonOrThrow();
        float loss =
            Loss.softmaxCrossEntropyLoss()
                .evaluate(new NDList(y), new NDList(logits.reshape(16 * 32, data.vocabSize())))
                .getFloat();
        assertThat((double) loss).isCloseTo(Math.log(65), within(0.1));
      }
    }
  }

  /**
   * A 1-layer model (vocab 5, 2 heads × 4, context 4) with fixed weights; the expected numbers were
   * computed by bench/fixed_forward.py with PyTorch (same weights, same architecture).
   */
  @Test
  void fixedWeightForwardMatchesPyTorch() {
    TrainerConfig c = cfg(1, 2, 8, 4, 2);
    try (Model model = Model.newInstance("t", "PyTorch")) {
      CharGpt gpt = new CharGpt(5, c);
      model.setBlock(gpt);
      NDManager mm = model.getNDManager();
      gpt.initialize(mm, DataType.FLOAT32, new Shape(2, 4));
      List<Pair<String, Parameter>> ps = params(gpt);
      for (int k = 0; k < ps.size(); k++) {
        NDArray w = ps.get(k).getValue().getArray();
        String name = ps.get(k).getKey();
        int n = (int) w.size();
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
          v[i] = FixedWeights.value(name, i);
        }
        w.set(v);
      }
      try (NDManager sub = mm.newSubManager()) {
        NDArray x = sub.create(new long[] {0, 1, 2, 3, 4, 3, 2, 1}, new Shape(2, 4));
        NDArray logits =
            gpt.forward(new ParameterStore(sub, false), new NDList(x), false).singletonOrThrow();
        float[] out = logits.toFloatArray();
        assertThat(FixedWeights.names(ps)).hasSize(17).contains("04head_weight(5, 8)");
        float[] expected = FixedWeights.EXPECTED_LOGITS;
        assertThat(out).hasSize(expected.length);
        for (int i = 0; i < out.length; i++) {
          assertThat(out[i]).as("logit " + i).isCloseTo(expected[i], within(1e-5f));
        }
      }
    }
  }
}
