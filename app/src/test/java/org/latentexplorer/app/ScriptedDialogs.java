package org.latentexplorer.app;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;
import org.latentexplorer.app.fx.Dialogs;

/**
 * Dialogs answered by the test: each question returns the answer prepared for it, once. Native file
 * choosers cannot be driven headless; everything around them is the real code.
 */
public final class ScriptedDialogs implements Dialogs {
  volatile Path openModel;
  volatile Path saveModel;
  volatile Path datasetFile;
  volatile Path datasetFolder;
  volatile Path image;
  public volatile Path export;
  public volatile Path exportFolder;
  volatile boolean confirm;
  public volatile Path lesson;

  /** The messages the app told the user, "title: message", oldest first. */
  public final java.util.List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();

  private static Optional<Path> once(Path p) {
    return Optional.ofNullable(p);
  }

  @Override
  public Optional<Path> openModel(Window owner) {
    Path p = openModel;
    openModel = null;
    return once(p);
  }

  @Override
  public Optional<Path> saveModel(Window owner, String suggestedName) {
    Path p = saveModel;
    saveModel = null;
    return once(p);
  }

  @Override
  public Optional<Path> openDatasetFile(Window owner) {
    Path p = datasetFile;
    datasetFile = null;
    return once(p);
  }

  @Override
  public Optional<Path> openDatasetFolder(Window owner) {
    Path p = datasetFolder;
    datasetFolder = null;
    return once(p);
  }

  @Override
  public Optional<Path> openImage(Window owner) {
    Path p = image;
    image = null;
    return once(p);
  }

  @Override
  public Optional<Path> exportFolder(Window owner, String title) {
    Path p = exportFolder;
    exportFolder = null;
    return once(p);
  }

  @Override
  public Optional<Path> export(Window owner, String title, String suggestedName, String extension) {
    Path p = export;
    export = null;
    return once(p);
  }

  @Override
  public Optional<Path> openLesson(Window owner) {
    Path p = lesson;
    lesson = null;
    return once(p);
  }

  @Override
  public void inform(Window owner, String title, String message) {
    told.add(title + ": " + message);
  }

  @Override
  public boolean confirm(Window owner, String title, String question, String yes, String no) {
    return confirm;
  }
}
