package org.latentexplorer.model.train;

import org.latentexplorer.model.metrics.MetricHistory;
import org.latentexplorer.model.vae.ModelConfig;

/**
 * What a training run looks like at one moment: configuration, progress, a copy of the weights and
 * the metric history. Immutable and safe to publish to any thread; the trainer hands out a new one
 * every ~100 ms, each with a higher {@link #version()}.
 */
public final class Snapshot {
  private final long version;
  private final ModelConfig model;
  private final TrainingConfig training;
  private final String datasetName;
  private final RunState state;
  private final Progress progress;
  private final float[] parameters;
  private final MetricHistory history;
  private final double[] klPerDimension;
  private final int activeUnits;
  private final String message;
  private final boolean dequantized;
  private final Timeline timeline;

  /**
   * Counters of a run. Immutable.
   *
   * @param step minibatches taken
   * @param epoch epochs completed
   * @param epochFraction progress through the current epoch, in [0, 1)
   * @param samplesSeen images trained on so far
   * @param samplesPerSecond recent training throughput
   * @param learningRate the current step size (the divergence guard may have lowered it)
   */
  public record Progress(
      long step,
      int epoch,
      double epochFraction,
      long samplesSeen,
      double samplesPerSecond,
      double learningRate) {
    public static final Progress START = new Progress(0, 0, 0, 0, 0, Double.NaN);
  }

  /**
   * @param parameters taken over, not copied: the caller must not keep a reference
   * @param klPerDimension taken over, not copied
   * @param dequantized whether the log-density figures are on dequantised 8-bit pixels
   * @param timeline the checkpoints kept so far
   */
  public Snapshot(
      long version,
      ModelConfig model,
      TrainingConfig training,
      String datasetName,
      RunState state,
      Progress progress,
      float[] parameters,
      MetricHistory history,
      double[] klPerDimension,
      int activeUnits,
      String message,
      boolean dequantized,
      Timeline timeline) {
    this.version = version;
    this.model = model;
    this.training = training;
    this.datasetName = datasetName;
    this.state = state;
    this.progress = progress;
    this.parameters = parameters;
    this.history = history;
    this.klPerDimension = klPerDimension;
    this.activeUnits = activeUnits;
    this.message = message == null ? "" : message;
    this.dequantized = dequantized;
    this.timeline = timeline;
  }

  /** Increases with every snapshot of one session; a viewer redraws when it changes. */
  public long version() {
    return version;
  }

  public ModelConfig model() {
    return model;
  }

  public TrainingConfig training() {
    return training;
  }

  public String datasetName() {
    return datasetName;
  }

  public RunState state() {
    return state;
  }

  public Progress progress() {
    return progress;
  }

  /** A copy of the weights, in the layout of {@code LatentModel.exportParameters()}. */
  public float[] parameters() {
    return parameters.clone();
  }

  /** Number of weights, without copying them. */
  public int parameterCount() {
    return parameters.length;
  }

  /** Whether two snapshots carry the very same weights (no step taken between them). */
  public boolean sameParametersAs(Snapshot other) {
    return other != null && other.parameters == parameters;
  }

  public MetricHistory history() {
    return history;
  }

  /** KL per latent dimension on the test set at the last evaluation (VAE); may be empty. */
  public double[] klPerDimension() {
    return klPerDimension.clone();
  }

  /** Active latent units at the last evaluation. */
  public int activeUnits() {
    return activeUnits;
  }

  /** The last thing worth telling the user (a divergence, an error), or empty. */
  public String message() {
    return message;
  }

  /**
   * Whether a Gaussian decoder trains and is scored on dequantised 8-bit pixels, so that its
   * log-density figures minus D log 256 bound log P of the discrete images (see {@code
   * Dequantization}).
   */
  public boolean dequantized() {
    return dequantized;
  }

  /** The checkpoints kept so far, oldest first. */
  public Timeline timeline() {
    return timeline;
  }

  /**
   * The model as it was at checkpoint {@code c}: its weights and counters, still (state {@link
   * RunState#PAUSED}, so viewers draw it at once), with this snapshot's curves and timeline. Each
   * call decodes the weights anew, so keep the result while it is shown.
   */
  public Snapshot at(Checkpoint c) {
    if (c.parameterCount() != parameters.length) {
      throw new IllegalArgumentException(
          "the checkpoint holds "
              + c.parameterCount()
              + " weights, the model "
              + parameters.length);
    }
    return new Snapshot(
        version,
        model,
        training,
        datasetName,
        RunState.PAUSED,
        new Progress(c.step(), c.epoch(), 0, c.samplesSeen(), 0, progress.learningRate()),
        c.parameters(),
        history,
        klPerDimension,
        activeUnits,
        "",
        dequantized,
        timeline);
  }

  /** The same snapshot with another version, state and message. */
  public Snapshot with(long newVersion, RunState newState, String newMessage) {
    return new Snapshot(
        newVersion,
        model,
        training,
        datasetName,
        newState,
        progress,
        parameters,
        history,
        klPerDimension,
        activeUnits,
        newMessage,
        dequantized,
        timeline);
  }
}
