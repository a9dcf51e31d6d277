package org.latentexplorer.model.train;

import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.latentexplorer.model.data.Binarization;
import org.latentexplorer.model.data.DataReference;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.data.Dequantization;
import org.latentexplorer.model.eval.Evaluation;
import org.latentexplorer.model.eval.Evaluator;
import org.latentexplorer.model.eval.LogLikelihoodEstimate;
import org.latentexplorer.model.metrics.Metric;
import org.latentexplorer.model.metrics.MetricRecorder;
import org.latentexplorer.model.nn.Optimizer;
import org.latentexplorer.model.vae.DecoderVariance;
import org.latentexplorer.model.vae.LatentModel;
import org.latentexplorer.model.vae.Likelihood;
import org.latentexplorer.model.vae.ModelConfig;
import org.latentexplorer.model.vae.ModelFamily;
import org.latentexplorer.model.vae.StepMetrics;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Runs AEVB (the seed's Algorithm 1) and its AAE and WAE variants: shuffled minibatches, fresh
 * noise per image, one optimiser step per minibatch, with a divergence guard. Confined to one
 * thread, the only one that touches the live model's INDArrays; other threads see {@link
 * Snapshot}s.
 *
 * <p>Same configs, same data and same seed give the same run: evaluations draw from their own
 * random stream, so when and how often the test set is scored does not change the trajectory.
 */
public final class Trainer {
  /** Steps between points of the training curves (each point averages those steps). */
  static final int RECORD_EVERY = 5;

  /** Steps between copies of the last good weights for the divergence guard. */
  static final int CHECKPOINT_EVERY = 50;

  /** Consecutive divergences after which the run stops. */
  static final int MAX_FAILURES = 6;

  /** Images of the test set scored for the live test curves. */
  static final int LIVE_TEST_IMAGES = Metric.LIVE_TEST_IMAGES;

  private final ModelConfig modelConfig;
  private final TrainingConfig config;
  private final String datasetName;
  private final Dataset.Split source;
  private final Dataset train;
  private final Dataset test;
  private final Dataset liveTest;
  private final EpochTestScore epochScore;
  private final boolean dequantized;
  private final LatentModel model;
  private final Optimizer optimizer;
  private final Optimizer discOptimizer;
  private final Random random;
  private final Random evalRandom;
  private final MetricRecorder recorder = new MetricRecorder();
  private final java.util.List<TrainingListener> listeners = new java.util.ArrayList<>();
  private final float[] batchBuffer;
  private final int batch;

  private int[] order;
  private int cursor;
  private long step;
  private int epoch;
  private long samplesSeen;
  private double samplesPerSecond;
  private double[] klPerDimension = new double[0];
  private int activeUnits;
  private String message = "";

  private final double[] sums = new double[StepSum.values().length];
  private int summed;

  private float[] goodParameters;
  private float[] goodOptimizerState;
  private long goodOptimizerSteps;
  private float[] goodDiscState;
  private long goodDiscSteps;
  private int failures;

  private final TimelineRecorder timeline;
  private float[] timelineScratch;

  private float[] exported;
  private long exportedAtStep = -1;

  private List<DataReference> dataUsed;
  private List<DataReference> resumedData = List.of();
  private long resumedAtStep = -1;

  private enum StepSum {
    LOSS,
    LOG_LIKELIHOOD,
    KL,
    ELBO,
    SQUARED_ERROR,
    MMD,
    DISC_LOSS,
    DISC_ACCURACY,
    GENERATOR_LOSS
  }

  /**
   * @param data the training and test images; image size must match the model config
   */
  public Trainer(ModelConfig modelConfig, TrainingConfig config, Dataset.Split data) {
    if (data.train().dimension() != modelConfig.inputDim()) {
      throw new IllegalArgumentException(
          "the model expects "
              + modelConfig.imageHeight()
              + "x"
              + modelConfig.imageWidth()
              + " images, the data has "
              + data.train().height()
              + "x"
              + data.train().width());
    }
    this.modelConfig = modelConfig;
    this.config = config;
    this.datasetName = data.train().name();
    this.source = data;
    Binarization bin = config.binarization();
    this.train = bin.prepare(data.train(), config.seed());
    // A dynamically binarised model is scored on one fixed binary sample of the test set.
    this.dequantized =
        modelConfig.decoderLikelihood() == Likelihood.GAUSSIAN
            && bin == Binarization.NONE
            && data.train().isEightBit()
            && data.test().isEightBit();
    Dataset scored =
        (bin == Binarization.DYNAMIC ? Binarization.FIXED : bin)
            .prepare(data.test(), config.seed() + 1);
    // A density on 8-bit levels is scored on one fixed dequantisation, so numbers repeat.
    this.test = dequantized ? Dequantization.fixed(scored, config.seed() + 2) : scored;
    this.liveTest = test.size() > LIVE_TEST_IMAGES ? test.head(LIVE_TEST_IMAGES) : test;
    this.epochScore = new EpochTestScore(test);
    this.model =
        new LatentModel(modelConfig, DataType.FLOAT, config.seed(), config.initialization());
    this.optimizer =
        new Optimizer(
            config.optimizer(),
            config.learningRate(),
            config.weightDecay(),
            modelConfig.autoencoderParameterCount(),
            DataType.FLOAT,
            model.kernels());
    this.discOptimizer =
        modelConfig.family() == ModelFamily.AAE
            ? new Optimizer(
                config.optimizer(),
                config.discriminatorLearningRate(),
                0,
                modelConfig.discriminatorParameterCount(),
                DataType.FLOAT,
                model.kernels())
            : null;
    if (modelConfig.decoderLikelihood() == Likelihood.GAUSSIAN
        && modelConfig.variance().kind() == DecoderVariance.Kind.SHARED) {
      // A decoder that knows nothing yet predicts the mean image: its residual is the pixel
      // variance.
      model.startSharedVariance(train.meanPixelVariance());
    }
    this.random = new Random(config.seed());
    this.evalRandom = new Random(config.seed() ^ 0x5DEECE66DL);
    this.batch = Math.min(config.batchSize(), train.size());
    this.batchBuffer = new float[batch * modelConfig.inputDim()];
    checkpoint();
    this.timeline =
        new TimelineRecorder(
            (int)
                (modelConfig.autoencoderParameterCount()
                    + modelConfig.discriminatorParameterCount()),
            TimelineRecorder.defaultBudget());
    keepForTimeline();
  }

  /** Restores a saved run; training continues from the start of its next epoch. */
  public static Trainer resume(TrainerState state, Dataset.Split data) {
    Trainer t = new Trainer(state.model(), state.training(), data);
    t.model.importParameters(state.parameters());
    t.optimizer.restore(state.optimizerState(), state.optimizerSteps());
    t.optimizer.setLearningRate(state.learningRate());
    if (t.discOptimizer != null) {
      t.discOptimizer.restore(
          state.discriminatorOptimizerState(), state.discriminatorOptimizerSteps());
    }
    t.step = state.step();
    t.epoch = state.epoch();
    t.samplesSeen = state.samplesSeen();
    t.recorder.restore(state.history());
    t.timeline.restore(state.timeline());
    t.keepForTimeline();
    t.random.setSeed(state.training().seed() + 31 * state.step());
    t.resumedData = state.provenance().data();
    t.resumedAtStep = state.step();
    t.checkpoint();
    return t;
  }

  /** Adds hooks called on this trainer's thread. */
  public void addListener(TrainingListener listener) {
    listeners.add(listener);
  }

  public LatentModel model() {
    return model;
  }

  public Dataset trainSet() {
    return train;
  }

  /** The test images as scored: binarised or dequantised as training sees them. */
  public Dataset testSet() {
    return test;
  }

  /**
   * Whether a Gaussian decoder trains and is scored on dequantised 8-bit pixels, so that its
   * figures minus D log 256 bound log P of the discrete images ({@link Dequantization}).
   */
  public boolean dequantized() {
    return dequantized;
  }

  public long stepCount() {
    return step;
  }

  public int epoch() {
    return epoch;
  }

  /** Whether every configured epoch has run. */
  public boolean finished() {
    return epoch >= config.epochs();
  }

  /** The current step size of the autoencoder optimiser. */
  public double learningRate() {
    return optimizer.learningRate();
  }

  /** Images per minibatch (the configured size, or the whole set if it is smaller). */
  public int batchSize() {
    return batch;
  }

  /** Steps per epoch (the last incomplete minibatch of each epoch is skipped). */
  public int stepsPerEpoch() {
    return Math.max(1, train.size() / batch);
  }

  /** Records the measured throughput, shown in snapshots. */
  public void setSamplesPerSecond(double value) {
    samplesPerSecond = value;
  }

  /**
   * Trains on one minibatch. At the end of an epoch the whole test set is scored with the weights
   * of that moment, a chunk after each of the following steps ({@link EpochTestScore}); after the
   * last epoch, at once.
   *
   * @return the minibatch's metrics (after a rollback, those of the step that diverged)
   * @throws DivergenceException after {@value #MAX_FAILURES} divergences in a row
   */
  public StepMetrics step() throws DivergenceException {
    if (order == null || cursor + batch > train.size()) {
      order = Dataset.permutation(train.size(), random);
      cursor = 0;
    }
    int d = modelConfig.inputDim();
    for (int r = 0; r < batch; r++) {
      train.copyImage(order[cursor + r], batchBuffer, r * d);
    }
    config.binarization().applyInPlace(batchBuffer, 0, batchBuffer.length, random);
    if (dequantized) {
      Dequantization.applyInPlace(batchBuffer, 0, batchBuffer.length, random);
    }
    INDArray x = model.batch(batchBuffer, 0, batch);

    StepMetrics disc = null;
    if (discOptimizer != null) {
      disc = model.computeDiscriminatorGradients(x, random);
      // The update checks the gradients in the same pass; a bad one is undone by the rollback.
      if (!Double.isFinite(disc.loss())
          || !discOptimizer.apply(
              model.discriminatorParameters(), model.discriminatorGradients())) {
        return diverged(disc);
      }
    }
    StepMetrics m = model.computeGradients(x, random);
    if (!Double.isFinite(m.loss()) || !optimizer.apply(model.parameters(), model.gradients())) {
      return diverged(m);
    }
    failures = 0;
    cursor += batch;
    step++;
    samplesSeen += batch;
    accumulate(m, disc);
    if (step % CHECKPOINT_EVERY == 0) {
      checkpoint();
    }
    keepForTimeline();
    for (TrainingListener l : listeners) {
      l.onTrainingBatch(step, m);
    }
    advanceTestScore();
    endEpochIfLastBatch();
    return m;
  }

  /**
   * Counts the epoch and starts scoring the whole test set once the epoch's last minibatch has been
   * taken, whether it trained or diverged and was skipped.
   */
  private void endEpochIfLastBatch() {
    if (cursor + batch > train.size()) {
      epoch++;
      // An epoch shorter than its score in chunks: the last epoch's score ends now.
      finishTestScore();
      epochScore.start(model, samplesSeen, epoch, new Random(evalRandom.nextLong()));
      if (finished()) {
        finishTestScore();
      }
    }
  }

  private void advanceTestScore() {
    if (epochScore.pending()) {
      Evaluation e = epochScore.advance();
      if (e != null) {
        recordEpochScore(e);
      }
    }
  }

  /**
   * Finishes the score of the last epoch's end now, when it is still under way: for whatever needs
   * the curves complete (a save, a printed summary). Does nothing otherwise.
   */
  public void finishTestScore() {
    if (epochScore.pending()) {
      recordEpochScore(epochScore.finish());
    }
  }

  private void recordEpochScore(Evaluation e) {
    record(
        e,
        epochScore.samplesSeen(),
        Metric.TEST_ELBO,
        Metric.TEST_LOG_LIKELIHOOD,
        Metric.TEST_KL,
        Metric.TEST_SQUARED_ERROR);
    for (TrainingListener l : listeners) {
      l.onEpoch(epochScore.epoch(), e);
    }
  }

  private StepMetrics diverged(StepMetrics m) throws DivergenceException {
    failures++;
    model.importParameters(goodParameters);
    optimizer.restore(goodOptimizerState, goodOptimizerSteps);
    if (discOptimizer != null) {
      discOptimizer.restore(goodDiscState, goodDiscSteps);
    }
    if (failures >= MAX_FAILURES) {
      message =
          "Training diverged "
              + failures
              + " times in a row (loss or gradients not finite)"
              + " and stopped at step "
              + step
              + ". The weights are those of the last good step."
              + " Try a smaller learning rate or another optimiser.";
      throw new DivergenceException(message);
    }
    double lr = optimizer.learningRate() / 2;
    optimizer.setLearningRate(lr);
    if (discOptimizer != null) {
      discOptimizer.setLearningRate(discOptimizer.learningRate() / 2);
    }
    message =
        String.format(
            "Diverged at step %d (loss %s): rolled back to the last good weights, learning rate"
                + " lowered to %.3g.",
            step, m.loss(), lr);
    // The minibatch that diverged is skipped.
    cursor += batch;
    for (TrainingListener l : listeners) {
      l.onDivergence(message);
    }
    advanceTestScore();
    endEpochIfLastBatch();
    return m;
  }

  private void checkpoint() {
    goodParameters = model.exportParameters(goodParameters);
    goodOptimizerState = optimizer.exportState(goodOptimizerState);
    goodOptimizerSteps = optimizer.steps();
    if (discOptimizer != null) {
      goodDiscState = discOptimizer.exportState(goodDiscState);
      goodDiscSteps = discOptimizer.steps();
    }
  }

  /** Keeps the weights as they are now in the timeline, when its schedule wants this step. */
  private void keepForTimeline() {
    if (timeline.wants(step)) {
      timelineScratch = model.exportParameters(timelineScratch);
      timeline.add(Checkpoint.of(step, epoch, samplesSeen, timelineScratch));
    }
  }

  private void accumulate(StepMetrics m, StepMetrics disc) {
    add(StepSum.LOSS, m.loss());
    add(StepSum.LOG_LIKELIHOOD, m.logLikelihood());
    add(StepSum.KL, m.kl());
    add(StepSum.ELBO, m.elbo());
    add(StepSum.SQUARED_ERROR, m.squaredError());
    add(StepSum.MMD, m.mmd());
    add(StepSum.GENERATOR_LOSS, m.generatorLoss());
    if (disc != null) {
      add(StepSum.DISC_LOSS, disc.discriminatorLoss());
      add(StepSum.DISC_ACCURACY, disc.discriminatorAccuracy());
    }
    summed++;
    if (summed == RECORD_EVERY) {
      record(Metric.TRAIN_LOSS, StepSum.LOSS);
      record(Metric.TRAIN_LOG_LIKELIHOOD, StepSum.LOG_LIKELIHOOD);
      record(Metric.TRAIN_KL, StepSum.KL);
      record(Metric.TRAIN_ELBO, StepSum.ELBO);
      record(Metric.TRAIN_SQUARED_ERROR, StepSum.SQUARED_ERROR);
      record(Metric.TRAIN_MMD, StepSum.MMD);
      record(Metric.GENERATOR_LOSS, StepSum.GENERATOR_LOSS);
      record(Metric.DISCRIMINATOR_LOSS, StepSum.DISC_LOSS);
      record(Metric.DISCRIMINATOR_ACCURACY, StepSum.DISC_ACCURACY);
      java.util.Arrays.fill(sums, 0);
      summed = 0;
    }
  }

  private void add(StepSum s, double v) {
    sums[s.ordinal()] += v;
  }

  private void record(Metric metric, StepSum s) {
    double v = sums[s.ordinal()] / summed;
    recorder.add(metric, samplesSeen, v);
  }

  /**
   * Scores the first {@value #LIVE_TEST_IMAGES} test images and adds them to the {@code LIVE_TEST_}
   * curves, or to the {@code TEST_} curves when that is the whole test set.
   */
  public Evaluation evaluateLiveTest() {
    if (liveTest == test) {
      return evaluateFullTest();
    }
    return evaluate(
        liveTest,
        Metric.LIVE_TEST_ELBO,
        Metric.LIVE_TEST_LOG_LIKELIHOOD,
        Metric.LIVE_TEST_KL,
        Metric.LIVE_TEST_SQUARED_ERROR);
  }

  /**
   * Scores the whole test set now and adds it to the {@code TEST_} curves, after the score of the
   * last epoch's end, if that was still under way.
   */
  public Evaluation evaluateFullTest() {
    finishTestScore();
    return evaluate(
        test,
        Metric.TEST_ELBO,
        Metric.TEST_LOG_LIKELIHOOD,
        Metric.TEST_KL,
        Metric.TEST_SQUARED_ERROR);
  }

  private Evaluation evaluate(
      Dataset data, Metric elbo, Metric logLikelihood, Metric kl, Metric squaredError) {
    Evaluation e = Evaluator.evaluate(model, data, evalRandom);
    record(e, samplesSeen, elbo, logLikelihood, kl, squaredError);
    return e;
  }

  private void record(
      Evaluation e, long x, Metric elbo, Metric logLikelihood, Metric kl, Metric squaredError) {
    recorder.add(elbo, x, e.elbo());
    recorder.add(logLikelihood, x, e.logLikelihood());
    recorder.add(kl, x, e.kl());
    recorder.add(squaredError, x, e.squaredError());
    klPerDimension = e.klPerDimension();
    activeUnits = e.activeUnits();
  }

  /** Importance-sampled log p(x) on up to {@code images} test images, added to the curves. */
  public double evaluateImportanceSampled(int samples, int images) {
    return estimateLogLikelihood(samples, images).mean();
  }

  /**
   * Importance-sampled log p(x) on up to {@code images} test images with its standard error and the
   * ELBO on the same images; the mean, its standard error and the gap to the ELBO are added to the
   * curves.
   */
  public LogLikelihoodEstimate estimateLogLikelihood(int samples, int images) {
    LogLikelihoodEstimate e =
        Evaluator.estimateLogLikelihood(model, test, samples, images, evalRandom);
    recorder.add(Metric.TEST_IS_LOG_LIKELIHOOD, samplesSeen, e.mean());
    if (e.images() > 1) {
      recorder.add(Metric.TEST_IS_STANDARD_ERROR, samplesSeen, e.standardError());
      recorder.add(Metric.TEST_BOUND_GAP, samplesSeen, e.gap());
    }
    return e;
  }

  /**
   * The importance-sampled estimate against L on up to {@code images} test images, with nested
   * samples (see {@link Evaluator#logLikelihoodCurve}). Not added to the curves: it is one moment's
   * look at how the estimate converges, not a point of the training history.
   *
   * @throws java.util.concurrent.CancellationException when {@code cancelled} said yes
   */
  public List<LogLikelihoodEstimate> logLikelihoodCurve(
      int[] samples, int images, DoubleConsumer progress, BooleanSupplier cancelled) {
    return Evaluator.logLikelihoodCurve(
        model, test, samples, images, evalRandom, progress, cancelled);
  }

  /** The last divergence or failure message, or empty. */
  public String message() {
    return message;
  }

  /**
   * This program and machine, and the data the model learnt from: the data of the run it was
   * resumed from until it takes a step on its own data (so that opening a model with other images
   * and saving it again does not claim it was trained on them).
   */
  public Provenance provenance() {
    boolean untouchedSinceResume = step == resumedAtStep && !resumedData.isEmpty();
    return Provenance.current(
        model.kernels().name(), untouchedSinceResume ? resumedData : dataUsed());
  }

  /** References to the training and test images; their pixels are hashed once, when first asked. */
  public List<DataReference> dataUsed() {
    if (dataUsed == null) {
      dataUsed =
          List.of(
              DataReference.of(source.train(), DataReference.Role.TRAIN),
              DataReference.of(source.test(), DataReference.Role.TEST));
    }
    return dataUsed;
  }

  /** An immutable picture of the run; weights are copied only when they changed. */
  public Snapshot snapshot(long version, RunState state) {
    if (exportedAtStep != step || exported == null) {
      exported = model.exportParameters();
      exportedAtStep = step;
    }
    double fraction = Math.min(0.999, cursor / (double) Math.max(1, train.size()));
    return new Snapshot(
        version,
        modelConfig,
        config,
        datasetName,
        state,
        new Snapshot.Progress(
            step, epoch, fraction, samplesSeen, samplesPerSecond, optimizer.learningRate()),
        exported,
        recorder.snapshot(),
        klPerDimension.clone(),
        activeUnits,
        message,
        dequantized,
        timeline.timeline());
  }

  /**
   * Everything needed to resume this run later, with its provenance as of now, and the curves with
   * the last epoch's test score (finished now if it was under way).
   */
  public TrainerState state() {
    finishTestScore();
    return new TrainerState(
        modelConfig,
        config,
        provenance(),
        model.exportParameters(),
        optimizer.exportState(),
        optimizer.steps(),
        discOptimizer == null ? new float[0] : discOptimizer.exportState(),
        discOptimizer == null ? 0 : discOptimizer.steps(),
        optimizer.learningRate(),
        step,
        epoch,
        samplesSeen,
        recorder.snapshot(),
        timeline.timeline());
  }
}
