package org.xeenet.worker.trainer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * This CPU's practical peak as libtorch reaches it: a large square matmul (n = 2048 unless {@code
 * -Dxeenet.peak.n}) repeated for about two seconds after a warm-up, with the child JVM's thread
 * count. {@code fp32} or {@code bf16}; each runs in its own child, because creating a bf16 tensor
 * through DJL 0.36 / libtorch 2.7.1 aborted the process on this machine.
 */
public final class MatmulPeak {
  private MatmulPeak() {}

  public static String run(String type) {
    DataType dt = "bf16".equals(type) ? DataType.BFLOAT16 : DataType.FLOAT32;
    int n = Integer.getInteger("xeenet.peak.n", 2048);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("event", "peak");
    m.put("n", n);
    try (NDManager mgr = Engine.getEngine("PyTorch").newBaseManager()) {
      m.put(("bf16".equals(type) ? "bf16" : "fp32") + "_gflops", gflops(mgr, dt, n));
    }
    return TrainerEvents.jsonb().toJson(m);
  }

  static double gflops(NDManager mgr, DataType type, int n) {
    try (NDManager sub = mgr.newSubManager()) {
      NDArray a = sub.randomUniform(-1f, 1f, new Shape(n, n)).toType(type, false);
      NDArray b = sub.randomUniform(-1f, 1f, new Shape(n, n)).toType(type, false);
      for (int i = 0; i < 2; i++) {
        a.matMul(b).close();
      }
      int reps = 0;
      long t0 = System.nanoTime();
      double el;
      do {
        a.matMul(b).close();
        reps++;
        el = (System.nanoTime() - t0) / 1e9;
      } while (el < 2.0);
      return TrainerEvents.round(2.0 * n * n * n * reps / el / 1e9, 1);
    }
  }
}
