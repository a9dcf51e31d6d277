package org.latentexplorer.model.io;

import java.io.IOException;

/**
 * A model file that cannot be opened: corrupt, truncated, from another program, from a newer
 * version, or for other images. Immutable. The message says which, in one line.
 */
public final class ModelFormatException extends IOException {
  public ModelFormatException(String message) {
    super(message);
  }

  public ModelFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
