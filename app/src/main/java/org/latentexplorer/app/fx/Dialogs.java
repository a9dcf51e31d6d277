package org.latentexplorer.app.fx;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/**
 * The questions the app asks the user in a dialog: which file, and yes or no. Called on the JavaFX
 * thread only. The application uses {@link FxDialogs}; tests answer with prepared paths, as a
 * native file chooser cannot be driven headless.
 */
public interface Dialogs {
  /** Which model file to open. */
  Optional<Path> openModel(Window owner);

  /** Where to save a model, suggesting {@code suggestedName}. */
  Optional<Path> saveModel(Window owner, String suggestedName);

  /** Which data set file (IDX, CSV, MAT) to open. */
  Optional<Path> openDatasetFile(Window owner);

  /** Which folder of images to open. */
  Optional<Path> openDatasetFolder(Window owner);

  /** Which image file (PNG, JPEG, GIF, BMP) to open, e.g. to draw on. */
  Optional<Path> openImage(Window owner);

  /**
   * Where to export something.
   *
   * @param extension e.g. "png" or "csv"
   */
  Optional<Path> export(Window owner, String title, String suggestedName, String extension);

  /** Which folder to write a set of files into, e.g. numbered frames. */
  Optional<Path> exportFolder(Window owner, String title);

  /** Which lesson file to open. */
  Optional<Path> openLesson(Window owner);

  /** Tells the user something that needs no answer, e.g. why a file given at start was refused. */
  void inform(Window owner, String title, String message);

  /** Asks a yes/no question; true for yes. */
  boolean confirm(Window owner, String title, String question, String yes, String no);
}
