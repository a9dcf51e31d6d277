package org.latentexplorer.app.window;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javafx.stage.Window;
import org.latentexplorer.app.curves.CurveScale;
import org.latentexplorer.app.curves.CurveUnits;
import org.latentexplorer.app.curves.CurvesCsv;
import org.latentexplorer.app.fx.Dialogs;
import org.latentexplorer.app.health.LatentHealthCsv;
import org.latentexplorer.app.workspace.DatasetChoice;
import org.latentexplorer.app.workspace.DatasetOpener;
import org.latentexplorer.app.workspace.LoadedData;
import org.latentexplorer.app.workspace.ModelFiles;
import org.latentexplorer.app.workspace.Problem;
import org.latentexplorer.app.workspace.Workspace;
import org.latentexplorer.model.eval.LatentHealth;
import org.latentexplorer.model.explore.TimelineFrames;
import org.latentexplorer.model.io.AnimationFile;
import org.latentexplorer.model.io.AtomicFile;
import org.latentexplorer.model.io.PngFile;
import org.latentexplorer.model.metrics.MetricHistory;
import org.latentexplorer.model.train.Provenance;
import org.latentexplorer.model.train.Snapshot;

/**
 * What the main window shows around the feature views, and the file actions of its menus, confined
 * to the JavaFX thread (reading and writing happen in the background): the title, the problem bar,
 * the loading overlay, the help texts; open and save models, export pictures and curves, offer to
 * restore the autosave.
 */
public final class MainViewModel {
  /** Time each frame of an exported timeline shows. */
  static final int TIMELINE_FRAME_MILLIS = 120;

  /** The window's title without a model file. */
  public static final String TITLE = "Latent Explorer";

  private static final String SHORTCUTS =
      "Ctrl+T\ttrain, pause, resume\n"
          + "Ctrl+\u2192\tstep (one minibatch)\nCtrl+.\tstop\n"
          + "Ctrl+R\treset to the seed\nCtrl+L\testimate log p(x)\nCtrl+O\topen a model\n"
          + "Ctrl+S\tsave the model\nCtrl+Shift+S\tsave as\nCtrl+1, Ctrl+2\tExplore,"
          + " Compare\nCtrl+Q\tquit";

  private final Workspace workspace;
  private final ModelFiles files;
  private final DatasetOpener opener;
  private final Dialogs dialogs;
  private final Supplier<Window> owner;
  private final Supplier<Image> manifoldPicture;
  private final String version;
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
  private final ReadOnlyStringWrapper problemTitle = new ReadOnlyStringWrapper(this, "problem");
  private final ReadOnlyStringWrapper problemText = new ReadOnlyStringWrapper(this, "problemText");
  private final ReadOnlyBooleanWrapper problemShown =
      new ReadOnlyBooleanWrapper(this, "problemShown");
  private final ReadOnlyBooleanWrapper startupFailed =
      new ReadOnlyBooleanWrapper(this, "startupFailed");
  private final ReadOnlyBooleanWrapper blocked = new ReadOnlyBooleanWrapper(this, "blocked");
  private final ReadOnlyBooleanWrapper canSave = new ReadOnlyBooleanWrapper(this, "canSave");
  private final BooleanProperty exploreShown =
      new SimpleBooleanProperty(this, "exploreShown", true);

  /**
   * @param owner the window dialogs belong to
   * @param manifoldPicture what the manifold shows now, for export; null before its first frame
   * @param version this program's version, for the About box
   */
  public MainViewModel(
      Workspace workspace,
      ModelFiles files,
      DatasetOpener opener,
      Dialogs dialogs,
      Supplier<Window> owner,
      Supplier<Image> manifoldPicture,
      String version) {
    this.workspace = workspace;
    this.files = files;
    this.opener = opener;
    this.dialogs = dialogs;
    this.owner = owner;
    this.manifoldPicture = manifoldPicture;
    this.version = version;
    title.bind(
        Bindings.createStringBinding(
            () -> {
              Path file = workspace.modelFileProperty().get();
              return file == null || file.getFileName() == null
                  ? TITLE
                  : TITLE + " \u2014 " + file.getFileName();
            },
            workspace.modelFileProperty()));
    problemTitle.bind(
        Bindings.createStringBinding(
            () -> problem() == null ? "" : problem().title(), workspace.problemProperty()));
    problemText.bind(
        Bindings.createStringBinding(
            () -> problem() == null ? "" : problem().message(), workspace.problemProperty()));
    problemShown.bind(workspace.problemProperty().isNotNull());
    startupFailed.bind(workspace.startupErrorProperty().isNotEmpty());
    // Nothing to set up or train while loading, or when loading failed.
    blocked.bind(workspace.busyProperty().isNotEmpty().or(startupFailed));
    canSave.bind(workspace.snapshotProperty().isNotNull());
  }

  private Problem problem() {
    return workspace.problemProperty().get();
  }

  /** "Latent Explorer", and the name of the model file once there is one. */
  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  /** What the user was doing when the problem shown happened; empty without one. */
  public ReadOnlyStringProperty problemTitleProperty() {
    return problemTitle.getReadOnlyProperty();
  }

  /** Why it went wrong; empty without a problem. */
  public ReadOnlyStringProperty problemTextProperty() {
    return problemText.getReadOnlyProperty();
  }

  /** Whether a problem is shown (until it is dismissed). */
  public ReadOnlyBooleanProperty problemShownProperty() {
    return problemShown.getReadOnlyProperty();
  }

  /** Dismisses the problem shown. */
  public void dismissProblem() {
    workspace.clearProblem();
  }

  /** What the app is loading while the user waits; empty when idle. */
  public ReadOnlyStringProperty busyTextProperty() {
    return workspace.busyProperty();
  }

  /** Why the app could not start (no numerical library, no data); empty if it did. */
  public ReadOnlyStringProperty startupErrorProperty() {
    return workspace.startupErrorProperty();
  }

  /** Whether start-up failed: the window can only be quit. */
  public ReadOnlyBooleanProperty startupFailedProperty() {
    return startupFailed.getReadOnlyProperty();
  }

  /** Whether the window waits for loading or has failed to start: the controls are off. */
  public ReadOnlyBooleanProperty blockedProperty() {
    return blocked.getReadOnlyProperty();
  }

  /** Whether there is a model to save. */
  public ReadOnlyBooleanProperty canSaveProperty() {
    return canSave.getReadOnlyProperty();
  }

  /** Whether the Explore tab is shown; its views draw only then. */
  public BooleanProperty exploreShownProperty() {
    return exploreShown;
  }

  /** The keyboard shortcuts, one per line, the keys and what they do separated by a tab. */
  public String shortcutsText() {
    return SHORTCUTS;
  }

  public void openDatasetFile() {
    dialogs.openDatasetFile(owner.get()).ifPresent(p -> opener.open(new DatasetChoice.File(p)));
  }

  public void openDatasetFolder() {
    dialogs.openDatasetFolder(owner.get()).ifPresent(p -> opener.open(new DatasetChoice.File(p)));
  }

  public void openModel() {
    dialogs.openModel(owner.get()).ifPresent(files::open);
  }

  /** Saves to the current file, or asks for one. */
  public void save() {
    if (!files.save()) {
      saveAs();
    }
  }

  public void saveAs() {
    if (workspace.session() == null) {
      return;
    }
    dialogs.saveModel(owner.get(), suggestedName()).ifPresent(files::saveAs);
  }

  /** E.g. "vae-2d-mnist-digits.lex", or the current file's name. */
  String suggestedName() {
    Path current = workspace.modelFileProperty().get();
    if (current != null && current.getFileName() != null) {
      return current.getFileName().toString();
    }
    Snapshot s = workspace.snapshot();
    String data = workspace.data() == null ? "model" : workspace.data().all().name();
    String family = s == null ? "vae" : s.model().family().name();
    int d = s == null ? 2 : s.model().latentDim();
    return (family + "-" + d + "d-" + data)
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("(^-|-$)", "")
        + ".lex";
  }

  /**
   * The About box's text: this program, and where the current model came from: what its file
   * records, or for a run not saved yet, its data.
   */
  public String aboutText() {
    StringBuilder b = new StringBuilder();
    b.append("Latent Explorer ")
        .append(version)
        .append('\n')
        .append("Train variational autoencoders and explore their latent space, live.\n\n")
        .append("Numerical library: ND4J ")
        .append(
            workspace.backendProperty().get().isEmpty()
                ? "(not loaded yet)"
                : workspace.backendProperty().get())
        .append('\n');
    if (!workspace.blasProperty().get().isEmpty()) {
      b.append("Matrix products: ").append(workspace.blasProperty().get()).append('\n');
    }
    Provenance p = workspace.provenanceProperty().get();
    Path file = workspace.modelFileProperty().get();
    if (p != null) {
      b.append("\nThe model").append(file == null ? "" : " in " + file.getFileName()).append('\n');
      p.describe().forEach((label, text) -> b.append(label).append(": ").append(text).append('\n'));
    } else if (workspace.data() != null) {
      b.append("\nThe model (not saved yet)\n")
          .append("trained on: ")
          .append(workspace.data().trainReference())
          .append('\n')
          .append("tested on: ")
          .append(workspace.data().testReference())
          .append('\n');
    }
    return b.toString().strip();
  }

  /** Asks whether to restore the autosaved run, if there is one and prompting is on. */
  public void offerRestore() {
    if (!workspace.settings().restorePrompt() || !files.hasAutosave()) {
      return;
    }
    boolean yes =
        dialogs.confirm(
            owner.get(),
            "Restore the last run?",
            "A run was saved automatically when Latent Explorer last closed (or while it trained)."
                + " Restore it and go on training?",
            "Restore",
            "Start fresh");
    if (yes) {
      files.restoreAutosave();
    }
  }

  /** Exports what the manifold shows now as PNG. */
  public void exportManifoldPng() {
    exportPng("manifold", manifoldPicture.get());
  }

  /** Exports a picture as PNG; the image is copied now, written in the background. */
  public void exportPng(String what, Image image) {
    if (image == null) {
      workspace.setNotice("Nothing to export yet");
      return;
    }
    dialogs
        .export(owner.get(), "Export " + what + " as PNG", fileName(what) + ".png", "png")
        .ifPresent(
            path -> {
              BufferedImage copy = SwingFXUtils.fromFXImage(image, null);
              Path target = withSuffix(path, ".png");
              workspace
                  .tasks()
                  .runInBackground(
                      () -> {
                        PngFile.write(copy, target);
                        return target;
                      },
                      p -> workspace.setNotice("Exported " + p),
                      e -> workspace.report("Could not export the " + what, e));
            });
  }

  /**
   * Exports how the run learned: a frame per checkpoint of its timeline, of the manifold or of the
   * test images' scatter, as an animated GIF or as numbered PNG files in a folder. The frames are
   * drawn in the background with their own copy of the model, so training goes on.
   *
   * @param scatter the scatter rather than the manifold
   * @param pngSequence numbered PNG files rather than one GIF
   */
  public void exportTimeline(boolean scatter, boolean pngSequence) {
    Snapshot s = workspace.snapshot();
    LoadedData data = workspace.data();
    if (s == null || data == null || s.timeline().size() < 2) {
      workspace.setNotice("Nothing to animate yet: train for a few steps first");
      return;
    }
    String what = scatter ? "scatter timeline" : "manifold timeline";
    Optional<Path> target =
        pngSequence
            ? dialogs.exportFolder(owner.get(), "Export the " + what + " as PNG files into")
            : dialogs
                .export(
                    owner.get(), "Export the " + what + " as GIF", fileName(what) + ".gif", "gif")
                .map(p -> withSuffix(p, ".gif"));
    if (target.isEmpty()) {
      return;
    }
    Path path = target.get();
    TimelineFrames frames =
        new TimelineFrames(
            s.model(),
            s.timeline(),
            data.split().test(),
            TimelineFrames.Settings.of(
                scatter ? TimelineFrames.Picture.SCATTER : TimelineFrames.Picture.MANIFOLD),
            (done, total) ->
                workspace
                    .tasks()
                    .runOnUi(
                        () ->
                            workspace.setNotice(
                                String.format(
                                    "Drawing the %s: frame %d of %d", what, done, total))),
            null);
    workspace.setNotice("Drawing the " + what + "\u2026");
    workspace
        .tasks()
        .runInBackground(
            () ->
                pngSequence
                    ? AnimationFile.writePngSequence(path, frames)
                    : AnimationFile.writeGif(path, TIMELINE_FRAME_MILLIS, frames),
            n -> workspace.setNotice(String.format("Exported %d frames to %s", n, path)),
            e -> workspace.report("Could not export the " + what, e));
  }

  /** Text written to a file, fixed when the export is asked for. */
  @FunctionalInterface
  public interface CsvContent {
    void write(Appendable out) throws IOException;
  }

  /**
   * Exports the run's curves as CSV, every point, in nats per image: a dequantised run's as the
   * bound on the discrete images, as the curves show it.
   */
  public void exportCsv() {
    Snapshot s = workspace.snapshot();
    if (s == null) {
      return;
    }
    MetricHistory history = s.history();
    CurveScale scale = CurveScale.of(s, CurveUnits.NATS_PER_IMAGE);
    exportCsv("curves", out -> CurvesCsv.write(history, scale, out));
  }

  /** Exports the KL of each latent dimension and the active units, as the health panel shows. */
  public void exportHealthCsv() {
    Snapshot s = workspace.snapshot();
    if (s == null) {
      return;
    }
    LatentHealth h = LatentHealth.of(s.klPerDimension(), s.activeUnits(), s.model().latentDim());
    exportCsv("latent health", out -> LatentHealthCsv.write(h, out));
  }

  /** Asks where, then writes {@code content} as a CSV file in the background. */
  public void exportCsv(String what, CsvContent content) {
    dialogs
        .export(owner.get(), "Export " + what + " as CSV", fileName(what) + ".csv", "csv")
        .ifPresent(
            path -> {
              Path target = withSuffix(path, ".csv");
              workspace
                  .tasks()
                  .runInBackground(
                      () -> {
                        writeCsv(content, target);
                        return target;
                      },
                      p -> workspace.setNotice("Exported " + p),
                      e -> workspace.report("Could not export the " + what, e));
            });
  }

  static void writeCsv(CsvContent content, Path file) throws IOException {
    AtomicFile.write(
        file,
        out -> {
          Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          content.write(w);
          w.flush();
        });
  }

  private static String fileName(String what) {
    return what.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }

  private static Path withSuffix(Path p, String suffix) {
    String n = p.getFileName() == null ? "" : p.getFileName().toString();
    return n.toLowerCase(Locale.ROOT).endsWith(suffix) ? p : p.resolveSibling(n + suffix);
  }
}
