package org.latentexplorer.app.render;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.latentexplorer.app.fx.DirectTaskExecutor;
import org.latentexplorer.app.workspace.DatasetChoice;
import org.latentexplorer.app.workspace.LoadedData;
import org.latentexplorer.model.data.DataFormatException;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.train.RunState;
import org.latentexplorer.model.train.Snapshot;
import org.latentexplorer.model.train.Trainer;
import org.latentexplorer.model.train.TrainingConfig;
import org.latentexplorer.model.vae.ModelConfig;
import org.latentexplorer.model.vae.ModelFamily;

/**
 * A training session that a test scripts, confined to the test's thread (which plays the UI
 * thread): a small untrained VAE on forty 4x4 images, whose snapshots reach the view models through
 * a {@link LiveFeed} only when the test publishes them.
 */
public final class ScriptedSession {
  /** Images are this many pixels high and wide. */
  public static final int SIDE = 4;

  private final ObjectProperty<Snapshot> snapshot = new SimpleObjectProperty<>();
  private final ObjectProperty<Object> session = new SimpleObjectProperty<>(new Object());
  private final ObjectProperty<LoadedData> data = new SimpleObjectProperty<>();
  private final LiveFeed feed = new LiveFeed(new DirectTaskExecutor(), snapshot, session, data);
  private Trainer trainer;
  private long version;

  /** A session of a model with {@code latentDim} latent dimensions, its data loaded. */
  public ScriptedSession(int latentDim) throws DataFormatException {
    data.set(LoadedData.of(new DatasetChoice.File(Path.of("squares.csv")), squares()));
    trainer = trainer(latentDim);
  }

  /** Forty images, each of one gray, labelled dark or light. */
  private static Dataset squares() {
    int n = 40;
    float[] pixels = new float[n * SIDE * SIDE];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      float gray = (i % 10) / 9f;
      java.util.Arrays.fill(pixels, i * SIDE * SIDE, (i + 1) * SIDE * SIDE, gray);
      labels[i] = gray < 0.5f ? 0 : 1;
    }
    return new Dataset("squares", SIDE, SIDE, pixels, labels, List.of("dark", "light"));
  }

  private Trainer trainer(int latentDim) {
    ModelConfig model =
        ModelConfig.defaults(ModelFamily.VAE, SIDE, SIDE)
            .withHidden(List.of(6))
            .withLatentDim(latentDim);
    return new Trainer(model, TrainingConfig.defaults().withBatchSize(4), data.get().split());
  }

  public LiveFeed feed() {
    return feed;
  }

  /** The loaded data. */
  public LoadedData data() {
    return data.get();
  }

  /** The snapshot published last; null after {@link #replace}. */
  public Snapshot latest() {
    return snapshot.get();
  }

  /** Publishes a snapshot in {@code state} with new weights (a training step was taken). */
  public Snapshot publish(RunState state) {
    return publish(state, trainer.snapshot(0, state).klPerDimension());
  }

  /** Publishes a snapshot with new weights and these KL values per latent dimension. */
  public Snapshot publish(RunState state, double... klPerDimension) {
    Snapshot s = trainer.snapshot(0, state);
    // A copy of the weights is what a step publishes: another array, which viewers redraw.
    return show(
        new Snapshot(
            ++version,
            s.model(),
            s.training(),
            s.datasetName(),
            state,
            s.progress(),
            s.parameters(),
            s.history(),
            klPerDimension,
            s.activeUnits(),
            "",
            s.dequantized(),
            s.timeline()));
  }

  /** Publishes the latest snapshot again in {@code state}, with the very same weights. */
  public Snapshot publishSameWeights(RunState state) {
    return show(snapshot.get().with(++version, state, ""));
  }

  private Snapshot show(Snapshot s) {
    snapshot.set(s);
    return s;
  }

  /**
   * Replaces the session, as a new or opened model does: the snapshot goes, the session changes,
   * and the next snapshot published is the new session's, of a model with {@code latentDim} latent
   * dimensions.
   */
  public void replace(int latentDim) {
    snapshot.set(null);
    session.set(new Object());
    trainer = trainer(latentDim);
  }
}
