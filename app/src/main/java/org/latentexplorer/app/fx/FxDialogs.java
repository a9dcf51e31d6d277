package org.latentexplorer.app.fx;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.latentexplorer.model.io.ModelFile;

/**
 * {@link Dialogs} with the platform's file choosers and JavaFX alerts. Confined to the JavaFX
 * thread; remembers the last folder used.
 */
public final class FxDialogs implements Dialogs {
  private File lastFolder = new File(System.getProperty("user.home"));

  @Override
  public Optional<Path> openModel(Window owner) {
    FileChooser c = chooser("Open model");
    c.getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter("Latent Explorer models", "*" + ModelFile.EXTENSION),
            new FileChooser.ExtensionFilter("All files", "*"));
    return remember(c.showOpenDialog(owner));
  }

  @Override
  public Optional<Path> saveModel(Window owner, String suggestedName) {
    FileChooser c = chooser("Save model");
    c.setInitialFileName(suggestedName);
    c.getExtensionFilters()
        .add(new FileChooser.ExtensionFilter("Latent Explorer models", "*" + ModelFile.EXTENSION));
    return remember(c.showSaveDialog(owner));
  }

  @Override
  public Optional<Path> openDatasetFile(Window owner) {
    FileChooser c = chooser("Open data set");
    c.getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter(
                "Data sets (IDX, CSV, MAT)",
                "*-ubyte",
                "*-ubyte.gz",
                "*.idx",
                "*.gz",
                "*.csv",
                "*.mat"),
            new FileChooser.ExtensionFilter("All files", "*"));
    return remember(c.showOpenDialog(owner));
  }

  @Override
  public Optional<Path> exportFolder(Window owner, String title) {
    DirectoryChooser c = new DirectoryChooser();
    c.setTitle(title);
    if (lastFolder.isDirectory()) {
      c.setInitialDirectory(lastFolder);
    }
    File f = c.showDialog(owner);
    if (f != null) {
      lastFolder = f;
    }
    return Optional.ofNullable(f).map(File::toPath);
  }

  @Override
  public Optional<Path> openDatasetFolder(Window owner) {
    DirectoryChooser c = new DirectoryChooser();
    c.setTitle("Open a folder of images");
    if (lastFolder.isDirectory()) {
      c.setInitialDirectory(lastFolder);
    }
    File f = c.showDialog(owner);
    if (f != null) {
      lastFolder = f;
    }
    return Optional.ofNullable(f).map(File::toPath);
  }

  @Override
  public Optional<Path> openImage(Window owner) {
    FileChooser c = chooser("Open an image");
    c.getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter(
                "Images (PNG, JPEG, GIF, BMP)", "*.png", "*.jpg", "*.jpeg", "*.gif", "*.bmp"),
            new FileChooser.ExtensionFilter("All files", "*"));
    return remember(c.showOpenDialog(owner));
  }

  @Override
  public Optional<Path> export(Window owner, String title, String suggestedName, String extension) {
    FileChooser c = chooser(title);
    c.setInitialFileName(suggestedName);
    c.getExtensionFilters()
        .add(
            new FileChooser.ExtensionFilter(
                extension.toUpperCase(java.util.Locale.ROOT) + " files", "*." + extension));
    return remember(c.showSaveDialog(owner));
  }

  @Override
  public Optional<Path> openLesson(Window owner) {
    FileChooser c = chooser("Open lesson");
    c.getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter("Lessons", "*.lesson"),
            new FileChooser.ExtensionFilter("All files", "*"));
    return remember(c.showOpenDialog(owner));
  }

  @Override
  public void inform(Window owner, String title, String message) {
    Alert a = new Alert(Alert.AlertType.INFORMATION, message);
    a.initOwner(owner);
    a.setTitle(title);
    a.setHeaderText(title);
    a.showAndWait();
  }

  @Override
  public boolean confirm(Window owner, String title, String question, String yes, String no) {
    ButtonType yesButton = new ButtonType(yes, ButtonBar.ButtonData.YES);
    ButtonType noButton = new ButtonType(no, ButtonBar.ButtonData.NO);
    Alert a = new Alert(Alert.AlertType.CONFIRMATION, question, yesButton, noButton);
    a.initOwner(owner);
    a.setTitle(title);
    a.setHeaderText(title);
    return a.showAndWait().filter(b -> b == yesButton).isPresent();
  }

  private FileChooser chooser(String title) {
    FileChooser c = new FileChooser();
    c.setTitle(title);
    if (lastFolder.isDirectory()) {
      c.setInitialDirectory(lastFolder);
    }
    return c;
  }

  private Optional<Path> remember(File f) {
    if (f == null) {
      return Optional.empty();
    }
    File parent = f.getParentFile();
    if (parent != null && Files.isDirectory(parent.toPath())) {
      lastFolder = parent;
    }
    return Optional.of(f.toPath());
  }
}
