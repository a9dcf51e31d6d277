package org.latentexplorer.model.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.explore.TimelineFrames;
import org.latentexplorer.model.io.AnimationFile;
import org.latentexplorer.model.train.Timeline;
import org.latentexplorer.model.train.TrainerState;
import org.latentexplorer.model.vae.ModelConfig;
import picocli.CommandLine.Option;

/**
 * The options of {@code train} and {@code sample} that write a run's timeline as an animation: an
 * animated GIF, a numbered PNG sequence, or both. Confined to the command's thread.
 */
final class TimelineOptions {
  @Option(
      names = "--timeline-gif",
      paramLabel = "GIF",
      description =
          "Write the run's timeline as an animated GIF that loops: one frame a checkpoint,"
              + " labelled with its step and epoch.")
  Path gif;

  @Option(
      names = "--timeline-png",
      paramLabel = "DIR",
      description =
          "Write the timeline's frames as DIR/frame-0001.png, frame-0002.png, ... (numbered"
              + " frames left by a longer sequence are removed).")
  Path png;

  @Option(
      names = "--timeline-view",
      paramLabel = "VIEW",
      defaultValue = "manifold",
      converter = Choices.TimelineView.class,
      completionCandidates = Choices.TimelineView.class,
      description = {
        "What the frames show: manifold (decoder means of a 20 x 20 grid over z in [-3, 3], as"
            + " sample --manifold) or scatter (up to 2,000 test images' posterior means, coloured"
            + " by label). A latent of more than 2 dimensions is seen on the top two principal"
            + " directions of the test codes at the last checkpoint, in every frame.",
        "Default: ${DEFAULT-VALUE}."
      })
  TimelineFrames.Picture view;

  @Option(
      names = "--frame-ms",
      paramLabel = "MS",
      defaultValue = "100",
      description = "How long each GIF frame shows (20 to 10000 ms). Default: ${DEFAULT-VALUE}.")
  int frameMillis;

  @Option(
      names = "--timeline-frames",
      paramLabel = "N",
      description =
          "At most N frames (2 to 400), checkpoints evenly spread with the first and the last."
              + " Default: every checkpoint.")
  Integer maxFrames;

  @Option(
      names = "--timeline-cells",
      paramLabel = "N",
      defaultValue = "20",
      description = "The manifold's grid: N x N decodings (2 to 100). Default: ${DEFAULT-VALUE}.")
  int cells;

  /** Whether an animation was asked for. */
  boolean requested() {
    return gif != null || png != null;
  }

  /** A one-line reason the options cannot work, checked before any training. */
  String problem() {
    if (frameMillis < 20 || frameMillis > 10_000) {
      return "--frame-ms must be between 20 and 10000, got " + frameMillis;
    }
    if (maxFrames != null && (maxFrames < 2 || maxFrames > Timeline.MAX_CHECKPOINTS)) {
      return "--timeline-frames must be between 2 and "
          + Timeline.MAX_CHECKPOINTS
          + ", got "
          + maxFrames;
    }
    if (cells < 2 || cells > 100) {
      return "--timeline-cells must be between 2 and 100, got " + cells;
    }
    return null;
  }

  /** Whether the frames of {@code model} need test images: the scatter, or a plane to find. */
  boolean needsTestImages(ModelConfig model) {
    return view == TimelineFrames.Picture.SCATTER || model.latentDim() > 2;
  }

  /**
   * Writes what was asked for from the timeline of {@code state}.
   *
   * @param test the test images, or null when {@link #needsTestImages} says no
   * @param source how to name the run in messages
   */
  void write(TrainerState state, Dataset test, String source, PrintWriter log)
      throws IOException, CliFailure {
    if (state.timeline().isEmpty()) {
      throw new CliFailure(
          source
              + " holds no timeline (it was saved by a version without timelines): train it"
              + " further with --resume to record one");
    }
    TimelineFrames.Settings look = TimelineFrames.Settings.of(view);
    Timeline timeline =
        maxFrames == null ? state.timeline() : state.timeline().thinnedTo(maxFrames);
    TimelineFrames frames =
        new TimelineFrames(
            state.model(),
            timeline,
            test,
            new TimelineFrames.Settings(
                view, cells, look.spacing(), look.range(), look.pixels(), look.points()),
            null,
            null);
    int[] size = frames.frameSize();
    String what = new Choices.TimelineView().nameOf(view);
    if (gif != null) {
      long t0 = System.nanoTime();
      int n = AnimationFile.writeGif(gif, frameMillis, frames);
      log.printf(
          Locale.ROOT,
          "wrote %s: %d frames of the %s, %dx%d pixels, %d ms each (%.1f s)%n",
          gif,
          n,
          what,
          size[0],
          size[1],
          frameMillis,
          (System.nanoTime() - t0) / 1e9);
    }
    if (png != null) {
      int n = AnimationFile.writePngSequence(png, frames);
      log.printf(
          Locale.ROOT,
          "wrote %s: %d frames of the %s, %s to %s, %dx%d pixels%n",
          png,
          n,
          what,
          AnimationFile.pngFrameName(1),
          AnimationFile.pngFrameName(n),
          size[0],
          size[1]);
    }
  }
}
