package org.xeenet.worker.trainer;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.xeenet.api.CurvePoint;
import org.xeenet.api.TaskResult;

/**
 * Trains a {@link CharGpt} on a {@link CharDataset} until the time budget (soft deadline),
 * max_steps or a stop request, then evaluates val_bpb on the whole validation split and returns the
 * TaskResult. Each step runs in its own {@code NDManager} sub-manager so no NDArray outlives it;
 * gradients are clipped by their global norm before the AdamW update and zeroed after it.
 */
public final class CharLmTrainer {
  /** Final evaluation on the whole validation split (every char predicted once). */
  public static final int FULL_SPLIT = Integer.MAX_VALUE;

  /** Validation batches for periodic (eval_interval) and interrupted evaluations. */
  public static final int QUICK_EVAL_BATCHES = 10;

  private static final double LN2 = Math.log(2);
  private static final int LOSS_WINDOW = 20;

  private final TrainerJob job;
  private final TrainerConfig cfg;
  private final CharDataset data;
  private final Consumer<String> out;
  private final BooleanSupplier stopRequested;
  private double progressIntervalSeconds = 1.0;
  private int finalEvalBatches = FULL_SPLIT;
  private DataType dataType = DataType.FLOAT32;
  private volatile float currentLr;
  private int liveArraysEarly = -1;
  private int liveArraysLate = -1;
  private String stopReason = "error";
  private Checkpoint checkpoint;

  public CharLmTrainer(
      TrainerJob job,
      TrainerConfig cfg,
      CharDataset data,
      Consumer<String> out,
      BooleanSupplier stopRequested) {
    this.job = job;
    this.cfg = cfg;
    this.data = data;
    this.out = out;
    this.stopRequested = stopRequested;
  }

  /** Seconds between two progress lines (default 1 s). */
  public CharLmTrainer progressInterval(double seconds) {
    this.progressIntervalSeconds = seconds;
    return this;
  }

  /** Parameter and activation type: FLOAT32 (default); BFLOAT16 only for throughput benchmarks. */
  public CharLmTrainer dataType(DataType type) {
    this.dataType = type;
    return this;
  }

  /**
   * Validation batches of the final evaluation: {@link #FULL_SPLIT} (default) evaluates the whole
   * validation split, n evaluates n evenly spaced batches, 0 skips it (val_bpb null: benchmarks
   * only).
   */
  public CharLmTrainer finalEvalBatches(int n) {
    this.finalEvalBatches = n;
    return this;
  }

  /** Why training stopped: budget, max_steps, signal, or error. */
  public String stopReason() {
    return stopReason;
  }

  /** The checkpoint written at the end (when the job asked for one), else null. */
  public Checkpoint checkpoint() {
    return checkpoint;
  }

  /** Live NDArrays under the model's manager after step 5 (for leak checks), or -1. */
  public int liveArraysEarly() {
    return liveArraysEarly;
  }

  /** Live NDArrays under the model's manager after the last step, or -1. */
  public int liveArraysLate() {
    return liveArraysLate;
  }

  public TaskResult run() {
    long t0 = System.nanoTime();
    int b = cfg.batchSize();
    int t = cfg.blockSize();
    int v = data.vocabSize();
    if (data.trainLength() <= t + 1 || data.valLength() <= t + 1) {
      return failed("dataset too small for block_size " + t, 0, null, t0, List.of(), null);
    }
    Engine engine = Engine.getEngine("PyTorch");
    engine.setRandomSeed((int) job.seed());
    Random rng = new Random(job.seed());
    Device device = TrainerDevice.select(engine);
    String deviceName = TrainerDevice.name(device);
    Long stepLimit = cfg.stepLimit();
    LrSchedule sched =
        new LrSchedule(cfg.learningRate(), cfg.effectiveWarmup(), stepLimit, job.budgetSeconds());
    List<CurvePoint> curve = new ArrayList<>();
    Deque<Float> recent = new ArrayDeque<>();
    long step = 0;
    long startStep = 0;
    try (Model model = Model.newInstance("char-gpt", device, "PyTorch")) {
      CharGpt gpt = new CharGpt(v, cfg);
      gpt.setInitializer(new NormalInitializer(0.02f), Parameter.Type.WEIGHT);
      model.setBlock(gpt);
      NDManager mm = model.getNDManager();
      gpt.initialize(mm, dataType, new Shape(b, t));
      startStep = resume(gpt, mm);
      step = startStep;
      List<Pair<String, Parameter>> params = new ArrayList<>();
      for (Pair<String, Parameter> p : gpt.getParameters()) {
        params.add(p);
      }
      AdamWGroups opt =
          new AdamWGroups(params, (Tracker) n -> currentLr, 0.9f, 0.99f, (float) cfg.weightDecay());
      ParameterStore ps = new ParameterStore(mm, false);
      Loss ce = Loss.softmaxCrossEntropyLoss();
      long trainStart = System.nanoTime();
      double lastEmit = 0;
      long lastEmitStep = 0;
      Integer logEvery = cfg.logInterval();
      while (true) {
        double el = seconds(trainStart);
        if (stopRequested.getAsBoolean()) {
          stopReason = "signal";
          break;
        }
        if (el >= job.budgetSeconds()) {
          stopReason = "budget";
          break;
        }
        if (stepLimit != null && step >= stepLimit) {
          stopReason =
              cfg.maxTokens() != null && !stepLimit.equals(cfg.maxSteps())
                  ? "max_tokens"
                  : "max_steps";
          break;
        }
        step++;
        double lr = sched.lr(step, el);
        if (startStep > 0 && step - startStep <= cfg.effectiveWarmup()) {
          // resumed with fresh AdamW moments: warm up again from the resume point
          lr = lr * (step - startStep) / Math.max(1, cfg.effectiveWarmup());
        }
        currentLr = (float) lr;
        CharDataset.Batch batch = data.trainBatch(rng, b, t);
        float lossVal;
        try (NDManager sub = mm.newSubManager(device)) {
          NDArray x = sub.create(batch.inputs(), new Shape(b, t));
          NDArray y = sub.create(batch.targets(), new Shape((long) b * t));
          try (GradientCollector gc = engine.newGradientCollector()) {
            NDArray logits = gpt.forward(ps, new NDList(x), true).singletonOrThrow();
            NDArray loss = ce.evaluate(new NDList(y), new NDList(logits.reshape((long) b * t, v)));
            gc.backward(loss);
            lossVal = loss.getFloat();
          }
          if (!Float.isFinite(lossVal)) {
            return failed(
                "training diverged: loss is " + lossVal + " at step " + step,
                step,
                mean(recent),
                t0,
                curve,
                deviceName);
          }
          List<NDArray> grads = new ArrayList<>(params.size());
          for (Pair<String, Parameter> p : params) {
            NDArray g = p.getValue().getArray().getGradient();
            g.attach(sub);
            grads.add(g);
          }
          GradClip.clipGlobalNorm(grads, cfg.gradClip());
          for (int i = 0; i < params.size(); i++) {
            opt.update(i, grads.get(i));
            grads.get(i).muli(0f);
          }
        }
        recent.addLast(lossVal);
        if (recent.size() > LOSS_WINDOW) {
          recent.removeFirst();
        }
        if (step == 5) {
          liveArraysEarly = mm.getManagedArrays().size();
        }
        Integer evalEvery = cfg.evalInterval();
        boolean evalNow = evalEvery != null && step % evalEvery == 0;
        double now = seconds(trainStart);
        boolean due =
            logEvery != null ? step % logEvery == 0 : now - lastEmit >= progressIntervalSeconds;
        if (step == startStep + 1 || evalNow || due) {
          Double valBpb = evalNow ? evaluate(gpt, ps, mm, ce, QUICK_EVAL_BATCHES) : null;
          double tps = (step - lastEmitStep) * cfg.tokensPerStep() / Math.max(1e-9, now - lastEmit);
          double smoothed = mean(recent);
          out.accept(
              TrainerEvents.progressLine(
                  step,
                  now,
                  TrainerEvents.round(smoothed, 5),
                  valBpb,
                  TrainerEvents.round(lr, 8),
                  TrainerEvents.round(tps, 1)));
          curve.add(new CurvePoint(step, TrainerEvents.round(now, 3), smoothed, valBpb));
          lastEmit = now;
          lastEmitStep = step;
        }
      }
      liveArraysLate = mm.getManagedArrays().size();
      System.err.println("trainer: stopped (" + stopReason + ") after " + step + " steps");

      int evalBatches =
          "signal".equals(this.stopReason)
              ? Math.min(QUICK_EVAL_BATCHES, finalEvalBatches)
              : finalEvalBatches;
      Double valBpb =
          evalBatches == FULL_SPLIT
              ? evaluateFullSplit(gpt, ps, mm, ce)
              : evalBatches > 0 ? evaluate(gpt, ps, mm, ce, evalBatches) : null;
      double trainLoss = mean(recent);
      double trained = seconds(trainStart);
      curve.add(new CurvePoint(step, TrainerEvents.round(trained, 3), trainLoss, valBpb));
      if (job.checkpointPath() != null) {
        System.err.println("trainer: writing the checkpoint " + job.checkpointPath());
        checkpoint = Checkpoint.write(gpt, Path.of(job.checkpointPath()));
        System.err.println("trainer: checkpoint written, " + checkpoint.bytes() + " bytes");
      }
      return new TaskResult(
          job.taskId(),
          valBpb,
          trainLoss,
          step,
          TrainerEvents.round(seconds(t0), 3),
          deviceName,
          TaskResult.COMPLETED,
          null,
          false,
          (step - startStep) * cfg.tokensPerStep(),
          curve);
    } catch (IOException e) {
      return failed("checkpoint: " + e.getMessage(), step, mean(recent), t0, curve, deviceName);
    } catch (RuntimeException | Error e) {
      return failed(
          "trainer error at step " + step + ": " + e, step, mean(recent), t0, curve, deviceName);
    }
  }

  /**
   * The load-checkpoint entry point: with a {@code resume_checkpoint_path}, loads those weights
   * (parameters only: the checkpoint holds no optimizer state, so AdamW starts with fresh moments)
   * and answers the step training continues after; else 0 (from scratch).
   */
  private long resume(CharGpt gpt, NDManager mm) throws IOException {
    if (job.resumeCheckpointPath() == null) {
      return 0;
    }
    try {
      Checkpoint.read(gpt, mm, Path.of(job.resumeCheckpointPath()));
    } catch (ai.djl.MalformedModelException | RuntimeException e) {
      throw new IOException("the checkpoint does not fit this model: " + e.getMessage(), e);
    }
    // loading replaces the parameters' arrays: they need gradients again
    for (Pair<String, Parameter> p : gpt.getParameters()) {
      p.getValue().getArray().setRequiresGradient(true);
    }
    long start = job.startStep();
    System.err.println(
        "trainer: resumed from " + job.resumeCheckpointPath() + " after step " + start);
    return start;
  }

  private double evaluate(CharGpt gpt, ParameterStore ps, NDManager mm, Loss ce, int cap) {
    int b = cfg.batchSize();
    int t = cfg.blockSize();
    int n = data.valBatchCount(b, t, cap);
    double sum = 0;
    for (int i = 0; i < n; i++) {
      CharDataset.Batch batch = data.valBatch(i, n, b, t);
      try (NDManager sub = mm.newSubManager()) {
        NDArray x = sub.create(batch.inputs(), new Shape(b, t));
        NDArray y = sub.create(batch.targets(), new Shape((long) b * t));
        NDArray logits = gpt.forward(ps, new NDList(x), false).singletonOrThrow();
        NDArray loss =
            ce.evaluate(new NDList(y), new NDList(logits.reshape((long) b * t, data.vocabSize())));
        sum += loss.getFloat();
      }
    }
    return TrainerEvents.round(sum / n / LN2, 5);
  }

  /** val_bpb over every window of the whole validation split, weighted by window count. */
  private double evaluateFullSplit(CharGpt gpt, ParameterStore ps, NDManager mm, Loss ce) {
    int t = cfg.blockSize();
    int b = Math.max(cfg.batchSize(), 64);
    int windows = data.fullValWindows(t);
    double sum = 0;
    for (int first = 0; first < windows; first += b) {
      int n = Math.min(b, windows - first);
      CharDataset.Batch batch = data.fullValBatch(first, n, t);
      try (NDManager sub = mm.newSubManager()) {
        NDArray x = sub.create(batch.inputs(), new Shape(n, t));
        NDArray y = sub.create(batch.targets(), new Shape((long) n * t));
        NDArray logits = gpt.forward(ps, new NDList(x), false).singletonOrThrow();
        NDArray loss =
            ce.evaluate(new NDList(y), new NDList(logits.reshape((long) n * t, data.vocabSize())));
        sum += loss.getFloat() * n;
      }
    }
    return TrainerEvents.round(sum / windows / LN2, 5);
  }

  private TaskResult failed(
      String error, long steps, Double trainLoss, long t0, List<CurvePoint> curve, String dev) {
    return new TaskResult(
        job.taskId(),
        null,
        trainLoss,
        steps,
        TrainerEvents.round(seconds(t0), 3),
        dev == null ? "cpu" : dev,
        TaskResult.FAILED,
        error,
        false,
        steps * cfg.tokensPerStep(),
        curve);
  }

  private static Double mean(Deque<Float> values) {
    if (values.isEmpty()) {
      return null;
    }
    double s = 0;
    for (float f : values) {
      s += f;
    }
    return TrainerEvents.round(s / values.size(), 5);
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
