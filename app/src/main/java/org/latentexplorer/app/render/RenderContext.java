package org.latentexplorer.app.render;

import org.latentexplorer.model.explore.LatentCodec;
import org.latentexplorer.model.train.Snapshot;
import org.latentexplorer.model.vae.ModelConfig;

/**
 * What a {@link RenderTask} renders with: the latest snapshot of the live training session and a
 * codec holding its weights. Confined to the render worker thread.
 */
public final class RenderContext {
  private final LatentCodec codec = new LatentCodec();
  private Snapshot snapshot;

  /** Loads the weights of {@code latest} if they changed; called by the worker before a task. */
  void update(Snapshot latest) {
    if (latest != null) {
      codec.update(latest);
      snapshot = latest;
    }
  }

  /** Forgets the loaded model (the session was replaced). */
  void clear() {
    snapshot = null;
  }

  /** Whether a model is loaded. */
  public boolean ready() {
    return snapshot != null && codec.ready();
  }

  /** The snapshot whose weights {@link #codec()} holds; null until {@link #ready()}. */
  public Snapshot snapshot() {
    return snapshot;
  }

  /** The model's configuration; only when {@link #ready()}. */
  public ModelConfig config() {
    return snapshot.model();
  }

  /** Encoder and decoder with the snapshot's weights; only when {@link #ready()}. */
  public LatentCodec codec() {
    return codec;
  }
}
