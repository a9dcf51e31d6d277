package org.latentexplorer.app.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.latentexplorer.model.data.BundledDataset;
import org.latentexplorer.model.data.DataFormatException;
import org.latentexplorer.model.data.DataReference;
import org.latentexplorer.model.io.ModelFile;
import org.latentexplorer.model.train.Provenance;
import org.latentexplorer.model.train.TrainerState;
import org.latentexplorer.model.train.TrainingSession;

/**
 * Opens and saves model files, confined to the JavaFX thread (reading and writing happen in the
 * background): a model opened goes on training with the data it was made with, Save writes the
 * current file and Save as another, and the autosaved run can be restored.
 */
public final class ModelFiles {
  /** The title of the problem shown when a model is opened with images it was not made with. */
  public static final String OTHER_DATA = "Opened with other images";

  private final Workspace workspace;
  private final Sessions sessions;

  public ModelFiles(Workspace workspace, Sessions sessions) {
    this.workspace = workspace;
    this.sessions = sessions;
  }

  // ---- opening

  /** Opens a model file and continues its run, with the data set it was trained on. */
  public void open(Path file) {
    open(file, true);
  }

  /** Whether an autosaved run is waiting to be restored. */
  public boolean hasAutosave() {
    Path f = workspace.settings().autosaveFile();
    try {
      return Files.isRegularFile(f) && Files.size(f) > 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** Opens the autosaved run (without making it the file that Save writes to). */
  public void restoreAutosave() {
    open(workspace.settings().autosaveFile(), false);
  }

  private void open(Path file, boolean remember) {
    LoadedData current = workspace.data();
    workspace.setBusy("Opening " + fileName(file) + "\u2026");
    workspace
        .tasks()
        .runInBackground(
            () -> {
              TrainerState state = ModelFile.load(file);
              LoadedData d = dataFor(state, current, fileName(file));
              return new Opened(state, d, otherData(state, d));
            },
            opened -> {
              workspace.setBusy("");
              TrainerState st = opened.state();
              sessions.resume(st, opened.data());
              workspace.setModelFile(remember ? file : null);
              workspace.setProvenance(st.provenance());
              workspace.setNotice(
                  String.format(
                      "Opened %s: %s, %d-D latent, %,d steps",
                      fileName(file), st.model().family(), st.model().latentDim(), st.step()));
              opened
                  .otherData()
                  .ifPresent(
                      note ->
                          workspace.report(
                              new Problem(
                                  OTHER_DATA,
                                  Character.toUpperCase(note.charAt(0)) + note.substring(1))));
            },
            error -> {
              workspace.setBusy("");
              workspace.report("Could not open the model", error);
            });
  }

  private record Opened(TrainerState state, LoadedData data, Optional<String> otherData) {}

  /**
   * The data a saved model goes with, found by the reference it records: the current data set if it
   * holds the very images the model was trained on, else the bundled set of that name, else the
   * current one if its images have the model's size ({@link #otherData} then says so).
   */
  static LoadedData dataFor(TrainerState state, LoadedData current, String fileName)
      throws IOException {
    Optional<DataReference> trainedOn = state.provenance().data(DataReference.Role.TRAIN);
    int h = state.model().imageHeight();
    int w = state.model().imageWidth();
    boolean currentFits =
        current != null && current.all().height() == h && current.all().width() == w;
    if (currentFits
        && trainedOn.isPresent()
        && trainedOn.get().sameImagesAs(current.trainReference())) {
      return current;
    }
    Optional<BundledDataset> bundled =
        trainedOn.map(DataReference::name).flatMap(BundledDataset::named);
    if (bundled.isPresent()) {
      return LoadedData.of(new DatasetChoice.Bundled(bundled.get()), bundled.get().load());
    }
    if (currentFits) {
      return current;
    }
    throw new DataFormatException(
        fileName
            + " is a model of "
            + h
            + "x"
            + w
            + " images (trained"
            + " on "
            + trainedOn.map(Object::toString).orElse("images it does not name")
            + "); open a data set with images of that size first");
  }

  /**
   * Says how {@code d} differs from the images the model was trained on (or, if those are the same,
   * tested on); empty when they are the ones, or when the file does not say.
   */
  static Optional<String> otherData(TrainerState state, LoadedData d) {
    Provenance p = state.provenance();
    return p.data(DataReference.Role.TRAIN)
        .flatMap(r -> r.mismatchWith(d.trainReference()))
        .or(() -> p.data(DataReference.Role.TEST).flatMap(r -> r.mismatchWith(d.testReference())));
  }

  // ---- saving

  /** Saves to the current model file; false when there is none yet (ask for a name). */
  public boolean save() {
    Path file = workspace.modelFileProperty().get();
    if (file == null) {
      return false;
    }
    saveAs(file);
    return true;
  }

  /** Saves the run to {@code file} (atomically) and makes it the current model file. */
  public void saveAs(Path file) {
    TrainingSession s = workspace.session();
    if (s == null) {
      return;
    }
    Path target = withExtension(file);
    workspace.setNotice("Saving " + fileName(target) + "\u2026");
    workspace
        .tasks()
        .runInBackground(
            () -> {
              TrainerState state = ModelWriter.capture(s);
              ModelWriter.write(state, target);
              return state.provenance();
            },
            written -> {
              workspace.setModelFile(target);
              workspace.setProvenance(written);
              workspace.setNotice("Saved " + target);
            },
            error -> {
              workspace.setNotice("");
              workspace.report("Could not save the model", error);
            });
  }

  static Path withExtension(Path file) {
    String name = fileName(file);
    return name.toLowerCase(java.util.Locale.ROOT).endsWith(ModelFile.EXTENSION)
        ? file
        : file.resolveSibling(name + ModelFile.EXTENSION);
  }

  private static String fileName(Path file) {
    Path n = file.getFileName();
    return n == null ? file.toString() : n.toString();
  }
}
