package org.latentexplorer.app.workspace;

import java.io.IOException;
import java.nio.file.Path;
import org.latentexplorer.model.data.BundledDataset;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.data.DatasetReaders;

/** A data set the user can pick: one shipped with the app, or a file or folder. Immutable. */
public sealed interface DatasetChoice {
  /** The name shown in the data set list. */
  String displayName();

  /** Reads the images; slow, never on the JavaFX thread. */
  Dataset load() throws IOException;

  /** A data set shipped with the app. */
  record Bundled(BundledDataset dataset) implements DatasetChoice {
    @Override
    public String displayName() {
      return dataset.displayName();
    }

    @Override
    public Dataset load() throws IOException {
      return dataset.load();
    }

    @Override
    public String toString() {
      return displayName();
    }
  }

  /** A file (IDX, CSV, MAT) or a folder of images. */
  record File(Path path) implements DatasetChoice {
    @Override
    public String displayName() {
      Path name = path.getFileName();
      return name == null ? path.toString() : name.toString();
    }

    @Override
    public Dataset load() throws IOException {
      return DatasetReaders.read(path);
    }

    @Override
    public String toString() {
      return displayName();
    }
  }
}
